using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Retention;
using GazetteNotify.Search;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Web;
using MimeKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GazetteNotify.Hosting;

/// <summary>
/// The library's own service registration, shared by both hosts: storage, clock, settings, the mail transport chosen
/// by configuration, the jobs and the mail sink they hand their batches to (the email-batches queue), the HTTP
/// handlers. A host adds triggers and routes, nothing else; `gazette run` and `gazette remind` compose the same way and
/// replace only the clock, the storage names and the sink (SendEmailBatch in-process).
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddGazetteNotify(this IServiceCollection services, IConfiguration configuration, Func<string>? localLinkSecret = null)
    {
        var settings = ServiceSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Site);
        services.AddSingleton(settings.Reminders);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new GazetteStorage(StorageSettings.From(configuration), new StorageNames(), StorageClientTuning.Default));
        services.AddSingleton(sp => new LinkTokens(
            settings.LinkSigningSecret ?? localLinkSecret?.Invoke()
            ?? throw new SettingsException($"{ServiceSettings.LinkSigningSecretSetting} is not set (a Key Vault reference in Azure)"),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => Transport(settings));

        services.AddSingleton<EmailBatches>();
        services.AddSingleton<IEmailBatchSink>(sp => sp.GetRequiredService<EmailBatches>()); // hosted jobs send through the queue
        services.AddSingleton(DeliveryTimings.Parse(configuration[DeliveryTimings.SendingLeaseSetting], configuration[DeliveryTimings.UncertainWindowSetting]));
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<SendEmailBatch>();
        services.AddSingleton<PoisonedBatches>();
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<DepartmentStore>();
        services.AddSingleton<DeadlineSource>();
        services.AddSingleton<TaskStates>();
        services.AddSingleton<UnmappedUnits>();
        services.AddSingleton<RecentDeliveries>();
        services.AddSingleton<Admin.AdminAudit>();
        services.AddSingleton<ReminderLedger>();
        services.AddSingleton<ReminderLinks>();
        services.AddSingleton<IssueQueries>();
        services.AddSingleton<ArchiveQueries>();
        services.AddSingleton<Web.ArchiveHandlers>();
        services.AddSingleton<IngestIssue>();
        services.AddSingleton<SendTopicAlerts>();
        services.AddSingleton<SendDeadlineReminders>();
        services.AddSingleton<ApplyRetention>();
        services.AddSingleton(sp => new SendGridEvents(sp.GetRequiredService<GazetteStorage>(), sp.GetRequiredService<SubscriberStore>(),
            settings.SendGridWebhookPublicKey ?? "", sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<SubscriptionHandlers>();
        services.AddSingleton<RecentDocuments>();
        services.AddSingleton<FeedHandlers>();
        // The archive's index lives in the instance's local temp, rebuilt there from storage (docs/adr/0042).
        services.AddSingleton(_ => SearchIndex.InTemp());
        services.AddSingleton<ArchiveSource>();
        services.AddSingleton<ArchiveSearch>();
        services.AddSingleton<SearchHandlers>();
        services.AddSingleton<TaskHandlers>();
        services.AddSingleton<AdminHandlers>();
        services.AddSingleton<AdminPages>();
        services.AddSingleton<Admin.AdminActions>();
        services.AddSingleton<AdminActionHandlers>();
        services.AddSingleton(AdminSignInSettings.From(configuration));
        services.AddSingleton<AdminSignIn>();
        // Made by the container, so the container disposes it (its limiters run a replenishment timer).
        services.AddSingleton(_ => new RateLimits(RateLimitSettings.Default with
        {
            TrustForwardedFor = string.Equals(configuration[ServiceSettings.TrustForwardedForSetting], "true", StringComparison.OrdinalIgnoreCase),
        }));
        services.AddSingleton(sp => RequestLog.To(sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("GazetteNotify.Web.HttpEndpoints")));
        services.AddSingleton<HttpEndpoints>();
        return services;
    }

    /// <summary>The transport configuration names: SendGrid in Azure, SMTP (maildev) or the outbox folder locally.</summary>
    public static IMailTransport Transport(ServiceSettings settings)
    {
        var from = new MailboxAddress(settings.Site.FromName, settings.Site.FromAddress);
        return settings.Transport switch
        {
            MailTransportKind.SendGrid => new SendGridTransport(
                new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions { ApiKey = settings.SendGridApiKey!, Host = settings.SendGridHost ?? "https://api.sendgrid.com" }),
                new SendGrid.Helpers.Mail.EmailAddress(settings.Site.FromAddress, settings.Site.FromName)),
            MailTransportKind.Smtp => new SmtpTransport(settings.SmtpHost ?? "127.0.0.1", settings.SmtpPort, from),
            _ => new OutboxTransport(settings.OutboxFolder, from),
        };
    }
}
