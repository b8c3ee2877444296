using System.CommandLine;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Ingestion;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette tasks [--state open|acknowledged|done|overdue] [--unit NAME]`: each task with its limits and where it
/// stands. Overdue is not stored: an open or acknowledged task whose last dated limit has passed.
/// </summary>
public static class TasksCommand
{
    public static Command Create(CliContext context)
    {
        var state = new Option<string?>("--state") { Description = "open, acknowledged, done or overdue." };
        var unit = new Option<string?>("--unit") { Description = "Only tasks naming this unit (as written, or part of it)." };
        var now = new Option<string?>("--now") { Description = "Judge overdue as at this day (yyyy-MM-dd, 08:00 China time) or moment, as `remind --now` does." };
        var command = new Command("tasks", "List tasks with their state (open, acknowledged, done, overdue).") { state, unit, now };
        command.SetAction((result, cancellationToken) => !RunCommand.TryClock(context, result.GetValue(now), out var clock) ? Task.FromResult(1) : context.WithStorageAsync(async storage =>
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            var today = Time.ChinaTime.Day(clock.GetUtcNow());
            var due = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            await foreach (var row in storage.Table(storage.Names.DeadlinesTable).QueryAsync<DeadlineRow>(cancellationToken: cancellationToken))
            {
                var task = DeadlineSource.From(row, new Dictionary<string, TaskState>());
                if (!due.TryGetValue(task.TaskKey, out var list)) due[task.TaskKey] = list = [];
                list.Add(row.DateText ?? (task.Recurrence is not null ? "recurring" : "review"));
            }

            var wanted = result.GetValue(state);
            var named = result.GetValue(unit);
            var count = 0;
            await foreach (var row in storage.Table(storage.Names.TasksTable).QueryAsync<TaskRow>(cancellationToken: cancellationToken))
            {
                var key = row.PartitionKey + "|" + row.RowKey;
                var units = row.Lead.Concat(row.Support).ToList();
                if (named is not null && !units.Any(u => u.Contains(named, StringComparison.Ordinal))) continue;
                var dates = due.TryGetValue(key, out var d) ? d : [];
                var stored = StoredName.Of(row.State);
                var dated = dates.Where(x => x.Length == 10).Order(StringComparer.Ordinal).ToList();
                var overdue = row.State != TaskState.Done && dated.Count > 0 && dates.All(x => x.Length == 10) && string.CompareOrdinal(dated[^1], today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) < 0;
                var shown = overdue ? "overdue" : stored;
                if (wanted is not null && wanted != shown && !(wanted == stored)) continue;
                count++;
                var note = row.Note is { Length: > 0 } n ? $"  note: {n}" : "";
                await context.Output.WriteLineAsync($"{key,-18} {shown,-12} {row.DocNumber ?? "-"} item {row.Item ?? "-"}  due {(dates.Count == 0 ? "-" : string.Join(",", dates))}  {string.Join("、", units)}{note}");
            }

            await context.Output.WriteLineAsync($"{count} tasks");
            return 0;
        }));
        return command;
    }
}
