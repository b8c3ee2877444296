using System.CommandLine;
using System.Globalization;
using GazetteNotify.Documents;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette deadlines --from DATE --to DATE [--unit NAME]`: what falls due in a window, and for whom.</summary>
public static class DeadlinesCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd." };
        var unit = new Option<string?>("--unit") { Description = "Only deadlines naming this unit (lead or support)." };
        var command = new Command("deadlines", "List deadlines due in a date range (--from, --to); review and settle those waiting for the admin.") { from, to, unit };
        command.Subcommands.Add(Review(context));
        command.Subcommands.Add(Settle(context));
        command.SetAction((result, cancellationToken) =>
        {
            if (!TryDate(result.GetValue(from), out var first) || !TryDate(result.GetValue(to), out var last) || last < first)
            {
                context.Error.WriteLine("gazette deadlines: --from and --to must be dates yyyy-MM-dd, --from not after --to");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                var rows = await context.Service<IssueQueries>().DeadlinesAsync(first, last, result.GetValue(unit), cancellationToken);
                foreach (var row in rows.OrderBy(r => r.DateText, StringComparer.Ordinal))
                {
                    var support = row.Support.Count > 0 ? $" | support {string.Join("、", row.Support)}" : "";
                    await context.Output.WriteLineAsync($"{row.DateText}  {row.Phrase}  {row.IssueKey} {row.DocNumber} item {row.Item ?? "-"}  lead {string.Join("、", row.Lead)}{support}");
                }

                await context.Output.WriteLineAsync($"{rows.Count} deadlines");
                return 0;
            });
        });
        return command;
    }

    private static Command Review(CliContext context)
    {
        var command = new Command("review", "Limits whose day was not understood or is not certain enough to remind on, with why.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var rows = await context.Service<DeadlineSource>().ReviewListAsync(cancellationToken);
            var waiting = 0;
            foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
            {
                if (row.Dismissed == true) continue;
                waiting++;
                var suggestion = row.SuggestedText is { } s ? $" — counted from the signing date: {s}" : "";
                await context.Output.WriteLineAsync($"{row.LimitKey}  {row.Phrase}  {row.DocNumber ?? row.Title} item {row.Item ?? "-"}: {row.Review}{suggestion}");
            }

            await context.Output.WriteLineAsync($"{waiting} limits wait for review — settle one with `gazette deadlines settle KEY --date yyyy-MM-dd` or `--dismiss`");
            return 0;
        }));
        return command;
    }

    private static Command Settle(CliContext context)
    {
        var key = new Argument<string>("KEY") { Description = "The limit's key as `review` shows it (issue|doc|task|n)." };
        var date = new Option<string?>("--date") { Description = "The day it is due: it reminds from then on." };
        var dismiss = new Option<bool>("--dismiss") { Description = "Not a deadline (a rule of procedure): never remind." };
        var note = new Option<string?>("--note") { Description = "Why, for the record." };
        var command = new Command("settle", "Give a reviewed limit its day, or dismiss it.") { key, date, dismiss, note };
        command.SetAction((result, cancellationToken) =>
        {
            DateOnly? day = null;
            if (result.GetValue(date) is { } text)
            {
                if (!TryDate(text, out var d))
                {
                    context.Error.WriteLine("gazette deadlines settle: --date must be yyyy-MM-dd");
                    return Task.FromResult(1);
                }

                day = d;
            }

            if (day is null == !result.GetValue(dismiss))
            {
                context.Error.WriteLine("gazette deadlines settle: give either --date or --dismiss");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                if (!(await context.Actions().SettleReviewAsync(result.GetValue(key)!, day, result.GetValue(note), context.Who, cancellationToken)).Changed)
                {
                    await context.Error.WriteLineAsync($"gazette deadlines settle: no limit {result.GetValue(key)} waits for review");
                    return 1;
                }

                await context.Output.WriteLineAsync(day is { } due ? $"{result.GetValue(key)}: due {due:yyyy-MM-dd}" : $"{result.GetValue(key)}: dismissed");
                return 0;
            });
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
