// Event Grid system topic on the storage account: the source of BlobCreated events for the IngestIssue blob
// trigger (Source = EventGrid, no container polling).
//
// The event subscription is NOT created here. Its endpoint is the blob extension's webhook
//   https://<app>/runtime/webhooks/blobs?functionName=Host.Functions.IngestIssue&code=<blobs_extension key>
// and the blobs_extension system key exists only once the code is deployed and the host has started, so the
// subscription is created by the azd postdeploy hook (scripts/postdeploy-eventgrid.sh). Event Grid also
// validates the endpoint when the subscription is created, which needs the function to be running.

param name string
param location string
param tags { *: string } = {}
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output id string = systemTopic.id
