// Log Analytics + workspace-based Application Insights. Local (instrumentation key) authentication is off:
// telemetry is accepted only with an Entra ID token, so the app publishes as its managed identity
// (Monitoring Metrics Publisher, rbac.bicep; APPLICATIONINSIGHTS_AUTHENTICATION_STRING, functions.bicep).

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags { *: string } = {}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output applicationInsightsName string = applicationInsights.name
output applicationInsightsId string = applicationInsights.id
output logAnalyticsName string = logAnalytics.name
