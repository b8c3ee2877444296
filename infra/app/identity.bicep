// The user-assigned managed identity the function app runs as: it reaches storage, Application Insights and
// Key Vault with Entra ID tokens (roles in rbac.bicep), so no key or connection string with a secret is needed.

param name string
param location string
param tags { *: string } = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
