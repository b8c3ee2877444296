using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Storage;

/// <summary>
/// How to reach the storage account, from configuration (names documented in local.settings.sample.json):
/// <c>GazetteStorage</c> = a connection string (locally <c>UseDevelopmentStorage=true</c>), or in Azure
/// <c>GazetteStorage__accountName</c> (and optionally <c>GazetteStorage__clientId</c> of a user-assigned identity)
/// for <c>DefaultAzureCredential</c> — managed identity, no keys.
/// </summary>
public sealed record StorageSettings(string? ConnectionString, string? AccountName, string? ClientId)
{
    public const string SettingName = "GazetteStorage";

    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public static StorageSettings Development { get; } = new(DevelopmentConnectionString, null, null);

    /// <summary>Reads the settings; with nothing configured, the local emulator (Azurite).</summary>
    public static StorageSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        var connectionString = configuration[SettingName];
        var accountName = section["accountName"];
        if (!string.IsNullOrWhiteSpace(accountName))
        {
            return new StorageSettings(null, accountName.Trim(), NullIfBlank(section["clientId"]));
        }

        return string.IsNullOrWhiteSpace(connectionString) ? Development : new StorageSettings(connectionString.Trim(), null, null);
    }

    /// <summary>Where the table service is, for error messages (never the key).</summary>
    public string Describe(string service) => AccountName is not null
        ? $"https://{AccountName}.{service}.core.windows.net"
        : ConnectionString == DevelopmentConnectionString || ConnectionString?.Contains("127.0.0.1", StringComparison.Ordinal) == true
            ? $"Azurite at http://127.0.0.1:{(service == "blob" ? 10000 : service == "queue" ? 10001 : 10002)}"
            : $"the {service} endpoint of the configured connection string";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
