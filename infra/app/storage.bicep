// The one storage account: the Functions host (AzureWebJobsStorage), the Flex Consumption deployment package and
// the app's own data (GazetteStorage) all live here. Shared keys are off: everything signs in with Entra ID.
// Container, queue and table names match functions/GazetteNotify/Storage/StorageNames.cs.

param name string
param location string
param tags { *: string } = {}

@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

var containerNames = [
  'gazette-issues'
  'gazette-parsed'
  'gazette-quarantine'
  'email-batches'
  deploymentContainerName
]

var queueNames = [
  'email-batches'
  'email-batches-poison'
]

var tableNames = [
  'Issues'
  'Documents'
  'Tasks'
  'TaskUnits'
  'Deadlines'
  'Receipts'
  'Subscribers'
  'SubscribeRequests'
  'Deliveries'
  'Suppressions'
  'JobState'
  'Departments'
  'PoisonedBatches'
  'AdminActions'
  'WebhookEvents'
]

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource containers 'containers' = [
      for container in containerNames: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queue in queueNames: {
        name: queue
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for table in tableNames: {
        name: table
      }
    ]
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
