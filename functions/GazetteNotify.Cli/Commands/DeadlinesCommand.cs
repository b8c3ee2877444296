using System.CommandLine;
using System.Globalization;
using GazetteNotify.Queries;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette deadlines --from DATE --to DATE [--unit NAME]`: what falls due in a window, and for whom.</summary>
public static class DeadlinesCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd.", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Only deadlines naming this unit (lead or support)." };
        var command = new Command("deadlines", "List deadlines due in a date range.") { from, to, unit };
        command.SetAction((result, cancellationToken) =>
        {
            if (!TryDate(result.GetValue(from), out var first) || !TryDate(result.GetValue(to), out var last) || last < first)
            {
                context.Error.WriteLine("gazette deadlines: --from and --to must be dates yyyy-MM-dd, --from not after --to");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                var rows = await new IssueQueries(storage).DeadlinesAsync(first, last, result.GetValue(unit), cancellationToken);
                foreach (var row in rows.OrderBy(r => r.Date, StringComparer.Ordinal))
                {
                    var support = row.Support.Count > 0 ? $" | support {string.Join("、", row.Support)}" : "";
                    await context.Output.WriteLineAsync($"{row.Date}  {row.Phrase}  {row.IssueKey} {row.DocNumber} item {row.Item ?? "-"}  lead {string.Join("、", row.Lead)}{support}");
                }

                await context.Output.WriteLineAsync($"{rows.Count} deadlines");
                return 0;
            });
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
