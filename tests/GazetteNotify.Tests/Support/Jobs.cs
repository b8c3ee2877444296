using GazetteNotify.Admin;
using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Retention;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Web;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// The mail jobs composed as AddGazetteNotify composes them, on a test's storage and clock: with a transport, their
/// sink is SendEmailBatch in-process (as `gazette run` has it); with a sink, that sink (the queue, as the hosts have it).
/// </summary>
public static class Jobs
{
    public static SendEmailBatch InProcess(GazetteStorage storage, IMailTransport transport, TimeProvider clock) =>
        new(new EmailBatches(storage), new DeliveryLedger(storage, clock), transport);

    public static SendTopicAlerts Alerts(GazetteStorage storage, IMailTransport transport, LinkTokens tokens, SiteSettings settings, TimeProvider clock) =>
        Alerts(storage, InProcess(storage, transport, clock), tokens, settings, clock);

    public static SendTopicAlerts Alerts(GazetteStorage storage, IEmailBatchSink sink, LinkTokens tokens, SiteSettings settings, TimeProvider clock) =>
        new(storage, new SubscriberStore(storage, clock), new IssueQueries(storage), sink, tokens, settings, clock);

    public static SendDeadlineReminders Reminders(
        GazetteStorage storage, IMailTransport transport, LinkTokens tokens, SiteSettings settings, ReminderSettings reminders, TimeProvider clock) =>
        Reminders(storage, InProcess(storage, transport, clock), tokens, settings, reminders, clock);

    public static SendDeadlineReminders Reminders(
        GazetteStorage storage, IEmailBatchSink sink, LinkTokens tokens, SiteSettings settings, ReminderSettings reminders, TimeProvider clock) =>
        new(new DepartmentStore(storage), Deadlines(storage), new ReminderLedger(storage, clock), new ReminderLinks(tokens, settings), sink,
            settings, reminders, clock);

    public static DeadlineSource Deadlines(GazetteStorage storage) => new(storage, new TaskStates(storage));

    public static ApplyRetention Retention(GazetteStorage storage, TimeProvider clock) => new(storage, new SubscriberStore(storage, clock), clock);

    public static AdminActions AdminActions(GazetteStorage storage, TimeProvider clock) =>
        new(storage, new IngestIssue(storage, clock), Deadlines(storage), new DepartmentStore(storage), new AdminAudit(storage, clock), clock);

    public static TaskHandlers TaskHandlers(GazetteStorage storage, LinkTokens tokens, SiteSettings settings, TimeProvider clock) =>
        new(new DepartmentStore(storage), Deadlines(storage), new TaskStates(storage), tokens, settings, clock);

    public static AdminPages AdminPages(GazetteStorage storage, PoisonedBatches poisoned, LinkTokens tokens, SiteSettings settings, TimeProvider clock) =>
        new(new IssueQueries(storage), Deadlines(storage), new DepartmentStore(storage), new UnmappedUnits(storage, new DepartmentStore(storage)),
            new RecentDeliveries(storage, clock), new TaskStates(storage), new AdminAudit(storage, clock), poisoned, tokens, settings);
}
