using System.Text.Json;

namespace GazetteNotify.Tests.Infra;

/// <summary>
/// infra/ (azd layout) compiled and linted with the real Bicep CLI, then the ARM JSON checked for what the app
/// relies on: identity-only storage, Flex Consumption on .NET 10 isolated, every app setting, the roles.
/// </summary>
public sealed class BicepTests(InfraFixture infra) : IClassFixture<InfraFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    public static readonly TheoryData<string> AppSettingNames =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "GazetteStorage__accountName",
        "GazetteStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "SendGrid__ApiKey",
        "LinkSigningSecret",
        "SendGrid__WebhookPublicKey",
        "Mail__Transport",
        "Mail__From",
        "Mail__FromName",
        "PublicBaseUrl",
        "GazetteName",
        "SEND_TOPIC_ALERTS_SCHEDULE",
        "SEND_DEADLINE_REMINDERS_SCHEDULE",
        "APPLY_RETENTION_SCHEDULE",
        "Reminders__Offsets",
        "Reminders__OverdueWindowDays",
        "Admin__EasyAuth",
        "Admin__Role",
    ];

    [Fact]
    public void Bicep_build_compiles_main_without_warnings_or_errors()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(infra.Build.StandardError), "bicep build reported:\n" + infra.Build.StandardError);
        using var template = JsonDocument.Parse(infra.Build.StandardOutput);
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            template.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Bicep_lint_reports_no_diagnostics()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(infra.Lint.StandardError), "bicep lint reported:\n" + infra.Lint.StandardError);
        using var sarif = JsonDocument.Parse(infra.Lint.StandardOutput);
        var diagnostics = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(result => $"{result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}")
            .ToList();
        Assert.True(diagnostics.Count == 0, "bicep lint:\n" + string.Join('\n', diagnostics));
    }

    [Fact]
    public void Resource_group_is_named_after_the_environment()
    {
        using var template = infra.Template();
        var group = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Resources/resourceGroups");
        Assert.Contains("rg-", Strings(template.RootElement.GetProperty("variables")));
        Assert.Contains("parameters('environmentName')", group.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_account_refuses_shared_keys_and_public_blobs()
    {
        using var template = infra.Template();
        var storage = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = storage.GetProperty("properties");
        Assert.Equal("StorageV2", storage.GetProperty("kind").GetString());
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    /// <summary>Every name the app uses (StorageNames), so a new table cannot be forgotten in Bicep.</summary>
    public static TheoryData<string, string> StorageTheAppUses
    {
        get
        {
            var names = new GazetteNotify.Storage.StorageNames();
            var data = new TheoryData<string, string>();
            foreach (var container in names.Containers) data.Add("Microsoft.Storage/storageAccounts/blobServices/containers", container);
            foreach (var queue in names.Queues) data.Add("Microsoft.Storage/storageAccounts/queueServices/queues", queue);
            foreach (var table in names.Tables) data.Add("Microsoft.Storage/storageAccounts/tableServices/tables", table);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StorageTheAppUses))]
    public void Storage_creates_every_container_queue_and_table(string type, string name)
    {
        using var template = infra.Template();
        var resource = Assert.Single(Resources(template.RootElement), r => Type(r) == type);
        // Created in a copy loop over a list of names: the name is in the list the loop reads.
        var loop = resource.GetProperty("copy").GetProperty("count").GetString()!;
        var variable = loop[(loop.IndexOf("variables('", StringComparison.Ordinal) + "variables('".Length)..];
        variable = variable[..variable.IndexOf('\'', StringComparison.Ordinal)];
        var names = TemplateDeclaring(template.RootElement, type).GetProperty("variables").GetProperty(variable)
            .EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(name, names);
    }

    [Fact]
    public void Storage_holds_the_flex_consumption_deployment_container()
    {
        using var template = infra.Template();
        var main = template.RootElement.GetProperty("variables");
        var container = main.GetProperty("deploymentContainerName").GetString()!;
        Assert.Contains("app-package-", container, StringComparison.Ordinal);

        var storageModule = Resources(template.RootElement).Single(r =>
            Type(r) == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "storage");
        Assert.Equal("[variables('deploymentContainerName')]",
            storageModule.GetProperty("properties").GetProperty("parameters").GetProperty("deploymentContainerName").GetProperty("value").GetString());
        var containers = TemplateDeclaring(template.RootElement, "Microsoft.Storage/storageAccounts/blobServices/containers")
            .GetProperty("variables").GetProperty("containerNames").EnumerateArray().Select(n => n.GetString());
        Assert.Contains("[parameters('deploymentContainerName')]", containers);
    }

    [Fact]
    public void Plan_is_flex_consumption_on_linux()
    {
        using var template = infra.Template();
        var plan = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("functionapp", plan.GetProperty("kind").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_as_its_user_assigned_identity()
    {
        using var template = infra.Template();
        var site = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        Assert.Contains("azd-service-name", site.GetProperty("tags").GetString(), StringComparison.Ordinal);
        Assert.Contains("'functions'", site.GetProperty("tags").GetString(), StringComparison.Ordinal);

        var properties = site.GetProperty("properties");
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("[parameters('identityId')]", properties.GetProperty("keyVaultReferenceIdentity").GetString());

        var config = properties.GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());

        var storage = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", storage.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());

        var scale = config.GetProperty("scaleAndConcurrency");
        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", scale.GetProperty("instanceMemoryMB").GetString());
        var parameters = TemplateDeclaring(template.RootElement, "Microsoft.Web/sites").GetProperty("parameters");
        Assert.Equal(100, parameters.GetProperty("maximumInstanceCount").GetProperty("defaultValue").GetInt32());
        Assert.Equal(2048, parameters.GetProperty("instanceMemoryMB").GetProperty("defaultValue").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AppSettingNames))]
    public void Function_app_has_the_app_setting(string name)
    {
        using var template = infra.Template();
        Assert.True(AppSettings(template.RootElement).TryGetProperty(name, out _), $"app setting {name} missing");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("AzureWebJobsStorage__clientId", "[parameters('identityClientId')]")]
    [InlineData("GazetteStorage__clientId", "[parameters('identityClientId')]")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]")]
    [InlineData("SendGrid__ApiKey", "[format('@Microsoft.KeyVault(SecretUri={0})', parameters('sendGridApiKeySecretUri'))]")]
    [InlineData("LinkSigningSecret", "[format('@Microsoft.KeyVault(SecretUri={0})', parameters('linkSigningSecretUri'))]")]
    [InlineData("Mail__Transport", "sendgrid")]
    [InlineData("Mail__FromName", "政府公报订阅提醒")]
    [InlineData("GazetteName", "聊城市人民政府公报")]
    [InlineData("SEND_TOPIC_ALERTS_SCHEDULE", "0 0 * * * *")]
    [InlineData("SEND_DEADLINE_REMINDERS_SCHEDULE", "0 0 0 * * *")]
    [InlineData("APPLY_RETENTION_SCHEDULE", "0 30 19 * * *")]
    [InlineData("Reminders__Offsets", "30,7,1,0")]
    [InlineData("Reminders__OverdueWindowDays", "30")]
    public void App_setting_has_its_value(string name, string value)
    {
        using var template = infra.Template();
        Assert.Equal(value, AppSettings(template.RootElement).GetProperty(name).GetString());
    }

    [Fact]
    public void Admin_pages_sit_behind_entra_id_sign_in_with_the_admin_role_and_public_routes_stay_anonymous()
    {
        using var template = infra.Template();
        var auth = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Web/sites/config"
            && r.GetProperty("name").GetString()!.Contains("'authsettingsV2'", StringComparison.Ordinal));
        // Deployed when an app registration is given (it cannot be created in Bicep: docs/security.md says how).
        Assert.Equal("[variables('adminSignIn')]", auth.GetProperty("condition").GetString());
        var properties = auth.GetProperty("properties");
        Assert.True(properties.GetProperty("platform").GetProperty("enabled").GetBoolean());
        var global = properties.GetProperty("globalValidation");
        Assert.False(global.GetProperty("requireAuthentication").GetBoolean()); // subscribers, feeds and mail links stay anonymous
        Assert.Equal("AllowAnonymous", global.GetProperty("unauthenticatedClientAction").GetString());
        var entra = properties.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('adminClientId')]", entra.GetProperty("registration").GetProperty("clientId").GetString());
        Assert.Contains("/v2.0", entra.GetProperty("registration").GetProperty("openIdIssuer").GetString(), StringComparison.Ordinal);
        Assert.True(properties.GetProperty("httpSettings").GetProperty("requireHttps").GetBoolean());

        // The role requirement: the worker trusts the principal only because Easy Auth is on, and admits only the role.
        var settings = AppSettings(template.RootElement);
        Assert.Equal("[if(variables('adminSignIn'), 'true', 'false')]", settings.GetProperty("Admin__EasyAuth").GetString());
        Assert.Equal("[parameters('adminRole')]", settings.GetProperty("Admin__Role").GetString());
        var functions = Resources(template.RootElement).Single(r => Type(r) == "Microsoft.Resources/deployments"
            && r.GetProperty("name").GetString() == "functions").GetProperty("properties").GetProperty("template").GetProperty("parameters");
        Assert.Equal("Gazette.Admin", functions.GetProperty("adminRole").GetProperty("defaultValue").GetString());
        Assert.Equal(GazetteNotify.Web.AdminSignInSettings.DefaultRole, functions.GetProperty("adminRole").GetProperty("defaultValue").GetString());
        Assert.Equal("Admin__EasyAuth", GazetteNotify.Web.AdminSignInSettings.EasyAuthSetting.Replace(":", "__", StringComparison.Ordinal));
    }

    [Fact]
    public void Public_base_url_defaults_to_the_apps_own_host_name()
    {
        using var template = infra.Template();
        var value = AppSettings(template.RootElement).GetProperty("PublicBaseUrl").GetString();
        Assert.Equal("[if(empty(parameters('publicBaseUrl')), format('https://{0}/', reference('site').defaultHostName), parameters('publicBaseUrl'))]", value);
    }

    [Fact]
    public void Flex_consumption_forbidden_settings_are_absent()
    {
        using var template = infra.Template();
        var settings = AppSettings(template.RootElement);
        Assert.False(settings.TryGetProperty("FUNCTIONS_WORKER_RUNTIME", out _));
        Assert.False(settings.TryGetProperty("FUNCTIONS_EXTENSION_VERSION", out _));
        Assert.False(settings.TryGetProperty("AzureWebJobsStorage", out _), "host storage must be identity-based, not a connection string");
    }

    [Fact]
    public void No_setting_or_expression_anywhere_uses_an_account_key()
    {
        using var template = infra.Template();
        foreach (var setting in AppSettings(template.RootElement).EnumerateObject())
        {
            var value = setting.Value.GetString() ?? "";
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("listKeys", infra.Build.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", infra.Build.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", infra.Build.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner)]
    [InlineData(StorageQueueDataContributor)]
    [InlineData(StorageTableDataContributor)]
    [InlineData(MonitoringMetricsPublisher)]
    [InlineData(KeyVaultSecretsUser)]
    [InlineData(StorageBlobDataContributor)]
    public void Role_definition_is_assigned(string roleDefinitionId)
    {
        using var template = infra.Template();
        var rbac = TemplateDeclaring(template.RootElement, "Microsoft.Authorization/roleAssignments");
        Assert.Contains(roleDefinitionId, Strings(rbac));
        Assert.All(Resources(rbac).Where(r => Type(r) == "Microsoft.Authorization/roleAssignments"), assignment =>
        {
            Assert.StartsWith("[guid(", assignment.GetProperty("name").GetString(), StringComparison.Ordinal);
            Assert.Contains("Microsoft.Authorization/roleDefinitions",
                assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Application_insights_is_workspace_based_with_local_auth_disabled()
    {
        using var template = infra.Template();
        var insights = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.Insights/components");
        var properties = insights.GetProperty("properties");
        Assert.True(properties.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", properties.GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.OperationalInsights/workspaces");
    }

    [Fact]
    public void Key_vault_uses_rbac_and_holds_both_secrets()
    {
        using var template = infra.Template();
        var vault = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.KeyVault/vaults");
        var properties = vault.GetProperty("properties");
        Assert.True(properties.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(properties.GetProperty("enableSoftDelete").GetBoolean());
        Assert.False(properties.TryGetProperty("accessPolicies", out _));

        var secrets = Resources(template.RootElement).Where(r => Type(r) == "Microsoft.KeyVault/vaults/secrets")
            .Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Contains(secrets, n => n.Contains("'SendGridApiKey'", StringComparison.Ordinal));
        Assert.Contains(secrets, n => n.Contains("'LinkSigningSecret'", StringComparison.Ordinal));

        var parameters = template.RootElement.GetProperty("parameters");
        Assert.Equal("securestring", parameters.GetProperty("sendGridApiKey").GetProperty("type").GetString());
        Assert.Equal("securestring", parameters.GetProperty("linkSigningSecret").GetProperty("type").GetString());
    }

    [Fact]
    public void Event_grid_system_topic_watches_the_storage_account()
    {
        using var template = infra.Template();
        var topic = Assert.Single(Resources(template.RootElement), r => Type(r) == "Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.GetProperty("properties").GetProperty("topicType").GetString());
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.GetProperty("properties").GetProperty("source").GetString(), StringComparison.Ordinal);
        // The subscription needs the app's blobs_extension key: the postdeploy hook makes it, not Bicep.
        Assert.DoesNotContain(Resources(template.RootElement), r => Type(r).StartsWith("Microsoft.EventGrid/systemTopics/eventSubscriptions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_EVENTGRID_SYSTEM_TOPIC")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("APPLICATIONINSIGHTS_NAME")]
    [InlineData("AZURE_MANAGED_IDENTITY_CLIENT_ID")]
    public void Main_outputs_what_azd_and_the_hook_read(string output)
    {
        using var template = infra.Template();
        Assert.True(template.RootElement.GetProperty("outputs").TryGetProperty(output, out _), $"output {output} missing");
    }

    [Fact]
    public void Parameters_file_maps_azd_environment_values_onto_main_parameters()
    {
        using var template = infra.Template();
        var declared = template.RootElement.GetProperty("parameters");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(infra.RepoRoot, "infra", "main.parameters.json")));
        var values = file.RootElement.GetProperty("parameters");
        foreach (var parameter in values.EnumerateObject())
        {
            Assert.True(declared.TryGetProperty(parameter.Name, out _), $"main.parameters.json sets {parameter.Name}, which main.bicep does not declare");
        }

        string Value(string name) => values.GetProperty(name).GetProperty("value").GetString()!;
        Assert.Equal("${AZURE_ENV_NAME}", Value("environmentName"));
        Assert.Equal("${AZURE_LOCATION}", Value("location"));
        Assert.Equal("${AZURE_PRINCIPAL_ID}", Value("principalId"));
        Assert.Equal("${SENDGRID_API_KEY}", Value("sendGridApiKey"));
        Assert.Equal("${LINK_SIGNING_SECRET}", Value("linkSigningSecret"));
        foreach (var withDefault in new[] { "sendGridWebhookPublicKey", "mailFrom", "publicBaseUrl", "adminClientId", "adminTenantId" })
        {
            Assert.True(values.TryGetProperty(withDefault, out _), $"{withDefault} missing from main.parameters.json");
            Assert.True(declared.GetProperty(withDefault).TryGetProperty("defaultValue", out _), $"{withDefault} has no default in main.bicep");
        }
    }

    // ---- the compiled template, walked

    private static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>Every resource declared anywhere (nested module templates included; `existing` references left out),
    /// whether a template lists resources as an array or, with languageVersion 2.0, as an object.</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                    && element.TryGetProperty("apiVersion", out _)
                    && !(element.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True))
                {
                    yield return element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    foreach (var resource in Resources(property.Value)) yield return resource;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var resource in Resources(item)) yield return resource;
                }

                break;
        }
    }

    /// <summary>The innermost (module) template that declares a resource of this type itself.</summary>
    private static JsonElement TemplateDeclaring(JsonElement root, string type)
    {
        var templates = Resources(root).Where(r => Type(r) == "Microsoft.Resources/deployments")
            .Select(r => r.GetProperty("properties").GetProperty("template"))
            .Where(t => OwnResources(t).Any(r => Type(r) == type))
            .ToList();
        return Assert.Single(templates);
    }

    private static IEnumerable<JsonElement> OwnResources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
    }

    internal static JsonElement AppSettings(JsonElement root)
    {
        var config = Assert.Single(Resources(root), r => Type(r) == "Microsoft.Web/sites/config"
            && r.GetProperty("name").GetString()!.Contains("'appsettings'", StringComparison.Ordinal));
        return config.GetProperty("properties");
    }

    private static List<string> Strings(JsonElement element)
    {
        var strings = new List<string>();
        Collect(element);
        return strings;

        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(e.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Collect(p.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var i in e.EnumerateArray()) Collect(i);
                    break;
            }
        }
    }
}
