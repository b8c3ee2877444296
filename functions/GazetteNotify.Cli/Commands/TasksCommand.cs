using System.CommandLine;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Ingestion;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette tasks [--state open|acknowledged|done|overdue] [--unit NAME]`: each task with its limits and where it
/// stands as a whole (done when every lead department has completed its part, acknowledged when any part moved:
/// docs/adr/0044), then each department's part that moved (who, state, when, note). Overdue is not stored: a task not
/// done whose last dated limit has passed.
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
                var task = DeadlineSource.From(row, new Dictionary<string, TaskProgress>());
                if (!due.TryGetValue(task.TaskKey, out var list)) due[task.TaskKey] = list = [];
                list.Add(row.DateText ?? (task.Recurrence is not null ? "recurring" : "review"));
            }

            var wanted = result.GetValue(state);
            var named = result.GetValue(unit);
            var count = 0;
            var directory = await new Departments.DepartmentStore(storage).LoadAsync(cancellationToken);
            var progress = await new TaskStates(storage).AllProgressAsync(cancellationToken: cancellationToken);
            await foreach (var row in storage.Table(storage.Names.TasksTable).QueryAsync<TaskRow>(cancellationToken: cancellationToken))
            {
                var key = row.PartitionKey + "|" + row.RowKey;
                var units = row.Lead.Concat(row.Support).ToList();
                if (named is not null && !units.Any(u => u.Contains(named, StringComparison.Ordinal))) continue;
                var dates = due.TryGetValue(key, out var d) ? d : [];
                var parts = progress.TryGetValue(key, out var p) ? p : TaskProgress.None;
                var whole = parts.Overall(TaskParts.Completers(row.Lead, row.Support, directory.Resolve));
                var stored = StoredName.Of(whole);
                var dated = dates.Where(x => x.Length == 10).Order(StringComparer.Ordinal).ToList();
                var overdue = whole != TaskState.Done && dated.Count > 0 && dates.All(x => x.Length == 10) && string.CompareOrdinal(dated[^1], today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) < 0;
                var shown = overdue ? "overdue" : stored;
                if (wanted is not null && wanted != shown && !(wanted == stored)) continue;
                count++;
                await context.Output.WriteLineAsync($"{key,-18} {shown,-12} {row.DocNumber ?? "-"} item {row.Item ?? "-"}  due {(dates.Count == 0 ? "-" : string.Join(",", dates))}  {string.Join("、", units)}");
                foreach (var part in Parts(parts)) await context.Output.WriteLineAsync(part);
            }

            await context.Output.WriteLineAsync($"{count} tasks");
            return 0;
        }));
        return command;
    }

    /// <summary>One line per department whose part moved, and the state stored per task before, if any.</summary>
    private static IEnumerable<string> Parts(TaskProgress progress)
    {
        static string Line(string who, UnitProgress p) =>
            $"    {who} {StoredName.Of(p.State)} {(p.At is { } at ? Time.ChinaTime.Minute(at) : "-")}{(p.Note is { Length: > 0 } n ? $"  note: {n}" : "")}";
        if (progress.Legacy is { } before) yield return Line($"(per task, by {(before.DepartmentId.Length > 0 ? before.DepartmentId : "-")})", before);
        foreach (var unit in progress.Units.Values.OrderBy(u => u.DepartmentId, StringComparer.Ordinal)) yield return Line(unit.DepartmentId, unit);
    }
}
