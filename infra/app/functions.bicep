// Flex Consumption plan + the function app (.NET 10 isolated worker, Linux). Everything it reaches, it reaches
// as its user-assigned identity: host storage, the app's data, Application Insights and Key Vault. No account
// key, instrumentation-key-only auth or secret value appears in any setting.
//
// Flex Consumption takes the runtime from functionAppConfig.runtime: FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be set as app settings (the platform rejects them).

param name string
param planName string
param location string
param tags { *: string } = {}

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (for the *__clientId settings).')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@description('Versionless URI of the SendGridApiKey secret.')
param sendGridApiKeySecretUri string

@description('Versionless URI of the LinkSigningSecret secret.')
param linkSigningSecretUri string

@description('SendGrid signed event webhook verification key (public, base64 ECDSA). Empty: webhook signatures are not checked yet.')
param sendGridWebhookPublicKey string = ''

param mailFrom string

@description('Base URL of the links in mails. Empty: the app\'s own https://<default host name>/.')
param publicBaseUrl string = ''

@description('Client id of the Entra ID app registration admins sign in with (App Service Authentication in front of the admin pages). Empty: no sign-in; the admin pages then open for nobody.')
param adminClientId string = ''

@description('Tenant of that app registration. Empty: the tenant of this deployment.')
param adminTenantId string = ''

@description('The app role an admin must hold: the worker admits a signed-in person to the admin pages only with it.')
param adminRole string = 'Gazette.Admin'

param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var adminSignIn = !empty(adminClientId)

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd finds the service's deployment target by this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in the app settings resolve with this identity (there is no system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// A separate config resource (rather than siteConfig.appSettings) so PublicBaseUrl can default to the site's
// own default host name, which Azure may make unique (name-hash.region.azurewebsites.net).
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Host storage, identity-based.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table

    // The app's data (StorageSettings reads accountName/clientId; the trigger extensions, if a trigger names
    // Connection = "GazetteStorage", read credential/clientId and the service URIs).
    GazetteStorage__accountName: storage.name
    GazetteStorage__clientId: identityClientId
    GazetteStorage__credential: 'managedidentity'
    GazetteStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    GazetteStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    GazetteStorage__tableServiceUri: storage.properties.primaryEndpoints.table

    // Telemetry with Entra ID auth (the component has local auth disabled).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // Secrets: Key Vault references, resolved by the platform with keyVaultReferenceIdentity.
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'
    LinkSigningSecret: '@Microsoft.KeyVault(SecretUri=${linkSigningSecretUri})'

    SendGrid__WebhookPublicKey: sendGridWebhookPublicKey
    Mail__Transport: 'sendgrid'
    Mail__From: mailFrom
    Mail__FromName: '政府公报订阅提醒'
    PublicBaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}/' : publicBaseUrl
    GazetteName: '聊城市人民政府公报'

    // NCRONTAB (with seconds), UTC: hourly alerts; reminders at 00:00 UTC = 08:00 China Standard Time; retention
    // (personal data past its period, old ledger rows) at 19:30 UTC = 03:30 China Standard Time.
    SEND_TOPIC_ALERTS_SCHEDULE: '0 0 * * * *'
    SEND_DEADLINE_REMINDERS_SCHEDULE: '0 0 0 * * *'
    APPLY_RETENTION_SCHEDULE: '0 30 19 * * *'
    Reminders__Offsets: '30,7,1,0'
    Reminders__OverdueWindowDays: '30'
    // Behind the App Service front end the caller is the last X-Forwarded-For entry (per-client rate limits).
    Http__TrustForwardedFor: 'true'

    // Admins are people: Easy Auth (below) signs them in; only when it is on may the worker trust its principal
    // header, and it admits only this role. The function key stays for the JSON admin routes (automation).
    Admin__EasyAuth: adminSignIn ? 'true' : 'false'
    Admin__Role: adminRole
  }
}

// App Service Authentication with Entra ID. Nothing is forced to sign in (subscribers, feeds and mail links stay
// anonymous); the admin pages send an anonymous visitor to /.auth/login/aad and admit only the admin role (the
// worker decides, from X-MS-CLIENT-PRINCIPAL). No client secret: the ID token comes back by form_post, so the
// registration must allow ID tokens (docs/security.md has the az commands).
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = if (adminSignIn) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: adminClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${empty(adminTenantId) ? tenant().tenantId : adminTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            adminClientId
            'api://${adminClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
output planName string = plan.name
