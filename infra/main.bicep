// GazetteNotify infrastructure (azd: `azd up` provisions this, deploys functions/GazetteNotify.Functions, then
// runs the postdeploy hook that subscribes the app to BlobCreated events).
// Only local modules (infra/app/*): registry modules cannot be restored where this is built and tested.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource token.')
param environmentName string

@minLength(1)
@description('Region for every resource (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd: AZURE_PRINCIPAL_ID). Gets blob and table data access for the admin CLI. Empty: none.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
@description('Kind of principal principalId is (a pipeline deploys as a ServicePrincipal).')
param principalType string = 'User'

@secure()
@minLength(1)
@description('SendGrid API key; stored only in Key Vault.')
param sendGridApiKey string

@secure()
@minLength(32)
@description('Secret that signs manage/unsubscribe/done links (at least 32 characters); stored only in Key Vault.')
param linkSigningSecret string

@description('SendGrid signed event webhook verification key (public). Empty: set it later.')
param sendGridWebhookPublicKey string = ''

@description('Sender address of every mail (a SendGrid verified sender or authenticated domain).')
param mailFrom string = 'noreply@example.org'

@description('Base URL of links in mails. Empty: https://<function app default host name>/.')
param publicBaseUrl string = ''

@description('Client id of the Entra ID app registration for admin sign-in (docs/security.md). Empty: the admin pages open for nobody.')
param adminClientId string = ''

@description('Tenant of the admin app registration. Empty: this deployment\'s tenant.')
param adminTenantId string = ''

@description('Turn on Key Vault purge protection (irreversible) for a production environment.')
param keyVaultPurgeProtection bool = false

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are computed here, not read back from module outputs, so what-if can predict every resource.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var logAnalyticsName = '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var planName = '${abbrs.webServerFarms}${resourceToken}'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var systemTopicName = '${abbrs.eventGridSystemTopics}${resourceToken}'
// Flex Consumption deploys the package into a blob container of the app's storage account.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    linkSigningSecret: linkSigningSecret
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    identityName: identityName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: planName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    sendGridApiKeySecretUri: keyVault.outputs.sendGridApiKeySecretUri
    linkSigningSecretUri: keyVault.outputs.linkSigningSecretUri
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
    mailFrom: mailFrom
    publicBaseUrl: publicBaseUrl
    adminClientId: adminClientId
    adminTenantId: adminTenantId
  }
  // The app starts (and resolves its Key Vault references) only once its roles exist.
  dependsOn: [
    storage
    monitoring
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

// Read by azd (deploy target) and by scripts/postdeploy-eventgrid.sh; AZURE_STORAGE_ACCOUNT_NAME is also what
// the admin CLI needs as GazetteStorage__accountName.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functions.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTGRID_SYSTEM_TOPIC string = eventGrid.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
