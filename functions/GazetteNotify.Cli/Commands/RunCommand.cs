using System.CommandLine;
using GazetteNotify.Alerts;
using GazetteNotify.Retention;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette run alerts|reminders|retention`: runs a timer job once, now (mail goes to the outbox folder locally).</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var now = new Option<string?>("--now") { Description = "Act as at this day (yyyy-MM-dd, 08:00 China time) or moment." };
        var alerts = new Command("alerts", "Send topic alerts for issues ingested since the last run (Mail__Transport; the outbox folder by default).") { now };
        alerts.SetAction((result, cancellationToken) => TryClock(context, result.GetValue(now), out var clock)
            ? context.WithStorageAsync(async _ =>
            {
                var run = await context.Service<SendTopicAlerts>(clock).RunAsync(cancellationToken);
                await context.Output.WriteLineAsync(run.RunKey is null
                    ? "alerts: no issue ingested since the last run"
                    : $"alerts {run.RunKey}: {run.NewIssues} new issues, {run.NewDocuments} documents, {run.Digests} digests — {run.Sent} sent, {run.AlreadySent} already sent, {run.Failed} failed");
                return run.Failed == 0 ? 0 : 1;
            })
            : Task.FromResult(1));
        var retention = new Command("retention",
            "Erase unconfirmed requests after 7 days, unsubscribed addresses and batch payloads after 28, ledger rows after 400.") { now };
        retention.SetAction((result, cancellationToken) => TryClock(context, result.GetValue(now), out var clock)
            ? context.WithStorageAsync(async _ =>
            {
                var run = await context.Service<ApplyRetention>(clock).RunAsync(cancellationToken);
                await context.Output.WriteLineAsync($"retention: {run.Describe()}");
                return 0;
            })
            : Task.FromResult(1));
        var reminders = new Command("reminders", "Send the deadline reminders due today (Mail__Transport; the outbox folder by default).") { now };
        reminders.SetAction((result, cancellationToken) =>
            TryClock(context, result.GetValue(now), out var clock) ? RemindCommand.RunAsync(context, clock, dryRun: false, cancellationToken) : Task.FromResult(1));
        var command = new Command("run", "Run a job once, now.");
        command.Subcommands.Add(alerts);
        command.Subcommands.Add(reminders);
        command.Subcommands.Add(retention);
        return command;
    }

    public static bool TryClock(CliContext context, string? now, out TimeProvider clock)
    {
        clock = context.Clock;
        if (now is null) return true;
        if (FixedClock.TryParse(now, out var fixedClock))
        {
            clock = fixedClock;
            return true;
        }

        context.Error.WriteLine("gazette: --now must be a date yyyy-MM-dd or a timestamp");
        return false;
    }
}
