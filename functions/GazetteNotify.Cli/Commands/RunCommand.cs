using System.CommandLine;
using GazetteNotify.Alerts;
using GazetteNotify.Mail;
using GazetteNotify.Subscriptions;
using MimeKit;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette run alerts|reminders|retention`: runs a timer job once, now (mail goes to the outbox folder locally).</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var alerts = new Command("alerts", "Send topic alerts for issues ingested since the last run (to the outbox folder).");
        alerts.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var settings = AlertSettings.Local;
            var transport = new OutboxTransport(context.OutboxFolder, new MailboxAddress(settings.FromName, settings.FromAddress));
            var job = new SendTopicAlerts(storage, transport, new LinkTokens(context.LinkSecret(), context.Clock), settings, context.Clock);
            var run = await job.RunAsync(cancellationToken);
            await context.Output.WriteLineAsync(run.RunKey is null
                ? "alerts: no issue ingested since the last run"
                : $"alerts {run.RunKey}: {run.NewIssues} new issues, {run.NewDocuments} documents, {run.Digests} digests — {run.Sent} sent, {run.AlreadySent} already sent, {run.Failed} failed → {Path.GetFullPath(context.OutboxFolder)}");
            return run.Failed == 0 ? 0 : 1;
        }));
        var retention = new Command("retention", "Erase unconfirmed requests older than 7 days and unsubscribed addresses older than 28 days.");
        retention.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var erased = await new SubscriberStore(storage, context.Clock).ApplyRetentionAsync(cancellationToken);
            await context.Output.WriteLineAsync($"retention: {erased} addresses erased");
            return 0;
        }));
        var reminders = new Command("reminders", "Send the deadline reminders due today (to the outbox folder).");
        reminders.SetAction((_, cancellationToken) => RemindCommand.RunAsync(context, context.Clock, dryRun: false, cancellationToken));
        var command = new Command("run", "Run a job once, now.");
        command.Subcommands.Add(alerts);
        command.Subcommands.Add(reminders);
        command.Subcommands.Add(retention);
        return command;
    }
}
