// Key Vault for the two secrets the app needs. Access is by Azure RBAC only (no access policies): the app's
// identity gets Key Vault Secrets User (rbac.bicep) and reads the secrets through Key Vault references.

param name string
param location string
param tags { *: string } = {}

@secure()
@description('SendGrid API key (mail send scope).')
param sendGridApiKey string

@secure()
@description('Secret that signs manage/unsubscribe/done links.')
param linkSigningSecret string

@description('Purge protection cannot be turned off again once on, and it keeps `azd down --purge` from freeing the name. Turn it on for production.')
param enablePurgeProtection bool = false

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API accepts only true or absent here.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'SendGridApiKey'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource linkSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'LinkSigningSecret'
  properties: {
    value: linkSigningSecret
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
// Versionless URIs: the app picks up a rotated secret without a redeploy.
output sendGridApiKeySecretUri string = sendGridApiKeySecret.properties.secretUri
output linkSigningSecretUri string = linkSigningSecretSecret.properties.secretUri
