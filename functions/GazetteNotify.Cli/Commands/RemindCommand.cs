using System.CommandLine;
using GazetteNotify.Reminders;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette remind [--now DATE] [--dry-run]`: shows or sends what the reminders job sends on that day (to the outbox
/// folder locally). The same job as the daily timer, with the clock set.
/// </summary>
public static class RemindCommand
{
    public static Command Create(CliContext context)
    {
        var now = new Option<string?>("--now") { Description = "The day to act as (yyyy-MM-dd, 08:00 China time) or a full timestamp." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be sent; send and record nothing." };
        var command = new Command("remind", "Send (or with --dry-run show) the deadline reminders due on a day.") { now, dryRun };
        command.SetAction((result, cancellationToken) =>
        {
            if (!RunCommand.TryClock(context, result.GetValue(now), out var clock)) return Task.FromResult(1);
            return RunAsync(context, clock, result.GetValue(dryRun), cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(CliContext context, TimeProvider clock, bool dryRun, CancellationToken cancellationToken) => context.WithStorageAsync(async _ =>
    {
        var run = await context.Service<SendDeadlineReminders>(clock).RunAsync(dryRun, cancellationToken);
        var output = context.Output;
        foreach (var reminder in run.Plan.Reminders)
        {
            var address = reminder.Department.Emails.Count == 0 ? "  (no address: not sent)" : "";
            await output.WriteLineAsync($"{reminder.Department.Name} ({reminder.Department.Id}): {reminder.Items.Count} tasks{address}");
            foreach (var item in reminder.Items)
            {
                await output.WriteLineAsync($"  {item.Due:yyyy-MM-dd} {ReminderRenderer.When(item),-10} {ReminderRenderer.RoleName(item.Role)}  {item.Task.Phrase}  {item.Task.DocNumber ?? item.Task.Title} item {item.Task.Item ?? "-"}");
            }
        }

        foreach (var unit in run.Plan.Unreached) await output.WriteLineAsync($"unreached: {unit.Unit} ({unit.How})");
        var summary = $"reminders {run.Day:yyyy-MM-dd}: {run.Plan.Reminders.Count} departments, {run.Plan.Reminders.Sum(r => r.Items.Count)} items";
        await output.WriteLineAsync(run.DryRun
            ? summary + " — dry run, nothing sent"
            : summary + $" — {run.Sent} sent, {run.AlreadySent} already sent today, {run.Failed} failed, {run.WithoutAddress.Count} without an address");
        return run.Failed == 0 ? 0 : 1;
    });
}
