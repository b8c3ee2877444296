using GazetteNotify.Reminders;
using Microsoft.Extensions.Configuration;
using GazetteNotify.Site;

namespace GazetteNotify.Hosting;

/// <summary>
/// Every setting the service reads, by name, with its local default. Both hosts bind the same names
/// (local.settings.sample.json lists them; infra/app/functions.bicep sets them in Azure). Secrets (SendGrid__ApiKey,
/// LinkSigningSecret) come from Key Vault references in Azure and are never logged.
/// </summary>
public sealed record ServiceSettings(
    SiteSettings Site,
    ReminderSettings Reminders,
    MailTransportKind Transport,
    string? SendGridApiKey,
    string? SendGridWebhookPublicKey,
    string? SmtpHost,
    int SmtpPort,
    string OutboxFolder,
    string? LinkSigningSecret)
{
    public const string PublicBaseUrlSetting = "PublicBaseUrl";
    public const string GazetteNameSetting = "GazetteName";
    public const string MailTransportSetting = "Mail:Transport";
    public const string MailFromSetting = "Mail:From";
    public const string MailFromNameSetting = "Mail:FromName";
    public const string SmtpHostSetting = "Mail:SmtpHost";
    public const string SmtpPortSetting = "Mail:SmtpPort";
    public const string OutboxSetting = "Mail:Outbox";
    public const string SendGridApiKeySetting = "SendGrid:ApiKey";
    public const string SendGridWebhookKeySetting = "SendGrid:WebhookPublicKey";

    /// <summary>SendGrid's API host: https://api.sendgrid.com unless set (https://api.eu.sendgrid.com for EU-pinned accounts).</summary>
    public const string SendGridHostSetting = "SendGrid:Host";
    public const string LinkSigningSecretSetting = "LinkSigningSecret";
    public const string ReminderOffsetsSetting = "Reminders:Offsets";
    public const string OverdueWindowSetting = "Reminders:OverdueWindowDays";

    /// <summary>SendGrid's API host when not the default (<see cref="SendGridHostSetting"/>).</summary>
    public string? SendGridHost { get; init; }

    /// <summary>True behind Azure's front end: the client is the last X-Forwarded-For entry (rate limits per client).</summary>
    public const string TrustForwardedForSetting = "Http:TrustForwardedFor";

    /// <summary>Reads and checks the settings; a missing secret for the chosen transport is refused at start, in one line.</summary>
    public static ServiceSettings From(IConfiguration configuration)
    {
        var local = SiteSettings.Local;
        var baseUrl = configuration[PublicBaseUrlSetting] is { Length: > 0 } url ? new Uri(url.EndsWith('/') ? url : url + "/") : local.PublicBaseUrl;
        var alerts = new SiteSettings(baseUrl, configuration[MailFromSetting] ?? local.FromAddress, configuration[MailFromNameSetting] ?? local.FromName,
            configuration[GazetteNameSetting] ?? local.GazetteName);
        var transport = (configuration[MailTransportSetting] ?? "outbox").Trim().ToLowerInvariant() switch
        {
            "sendgrid" => MailTransportKind.SendGrid,
            "smtp" => MailTransportKind.Smtp,
            "outbox" => MailTransportKind.Outbox,
            var other => throw new SettingsException($"{MailTransportSetting} must be sendgrid, smtp or outbox (got '{other}')"),
        };
        var settings = new ServiceSettings(
            alerts,
            ReminderSettings.Parse(configuration[ReminderOffsetsSetting], configuration[OverdueWindowSetting]),
            transport,
            configuration[SendGridApiKeySetting],
            configuration[SendGridWebhookKeySetting],
            configuration[SmtpHostSetting] ?? "127.0.0.1",
            int.TryParse(configuration[SmtpPortSetting], out var port) ? port : 1025,
            configuration[OutboxSetting] ?? "outbox",
            configuration[LinkSigningSecretSetting]);
        settings = settings with { SendGridHost = configuration[SendGridHostSetting] is { Length: > 0 } host ? host.Trim() : null };
        if (transport == MailTransportKind.SendGrid && string.IsNullOrWhiteSpace(settings.SendGridApiKey))
        {
            throw new SettingsException($"{SendGridApiKeySetting} is not set: the SendGrid transport needs an API key (a Key Vault reference in Azure)");
        }

        return settings;
    }
}

public enum MailTransportKind
{
    Outbox,
    Smtp,
    SendGrid,
}
