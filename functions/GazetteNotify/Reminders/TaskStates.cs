using Azure;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// Each department's part of a task (docs/adr/0044): TaskUnits rows (partition = issue, row = doc|task|department)
/// hold acknowledged or done, when, and the note given; the Tasks row's own State is what was stored per task before,
/// read as <see cref="TaskProgress.Legacy"/> and never written here. A part moves only forward: a replayed link, or
/// a POST repeated by an at-least-once client, changes nothing.
/// </summary>
public sealed class TaskStates(GazetteStorage storage)
{
    private TableClient Tasks => storage.Table(storage.Names.TasksTable);

    private TableClient Units => storage.Table(storage.Names.TaskUnitsTable);

    /// <summary>Sets a department's part of a task; false when there is no such task. Moves only forward (open → acknowledged → done).</summary>
    public async Task<bool> SetAsync(string taskKey, TaskState state, string departmentId, string? note, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(taskKey, cancellationToken) is not { } task) return false;
        await SetAsync(task, state, departmentId, note, at, cancellationToken);
        return true;
    }

    /// <summary>Sets a department's part of a task already read (a link's page had it): no second read of the task.</summary>
    public async Task SetAsync(TaskRow task, TaskState state, string departmentId, string? note, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var partition = task.PartitionKey;
        var legacy = Legacy(task);
        var unitKey = task.RowKey + "|" + departmentId;
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Units.GetEntityIfExistsAsync<TaskUnitRow>(partition, unitKey, cancellationToken: cancellationToken);
            var part = existing.HasValue ? existing.Value! : new TaskUnitRow { PartitionKey = partition, RowKey = unitKey };
            if (new TaskProgress(legacy, existing.HasValue ? [Progress(part)] : []).Of(departmentId) >= state) return;
            part.State = state;
            part.At = at;
            if (note is not null) part.Note = note.Length > 2000 ? note[..2000] : note;
            try
            {
                if (existing.HasValue) await Units.UpdateEntityAsync(part, part.ETag, TableUpdateMode.Replace, cancellationToken);
                else await Units.AddEntityAsync(part, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Someone else (the same department's other address, a retried POST) wrote meanwhile: read again and decide again.
            }
        }
    }

    public async Task<TaskRow?> GetAsync(string taskKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = Split(taskKey);
        if (partition is null) return null;
        var existing = await Tasks.GetEntityIfExistsAsync<TaskRow>(partition, row, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }

    /// <summary>Every department's part of this task; null when there is no such task.</summary>
    public async Task<TaskProgress?> ProgressAsync(string taskKey, CancellationToken cancellationToken = default) =>
        await GetAsync(taskKey, cancellationToken) is { } task ? await ProgressAsync(task, cancellationToken) : null;

    /// <summary>Every department's part of this task (the task's row gives the state stored per task before).</summary>
    public async Task<TaskProgress> ProgressAsync(TaskRow task, CancellationToken cancellationToken = default)
    {
        var prefix = task.RowKey + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {task.PartitionKey} and RowKey gt {prefix} and RowKey lt {task.RowKey + "}"}");
        var units = new List<UnitProgress>();
        await foreach (var unit in Units.QueryAsync<TaskUnitRow>(filter, cancellationToken: cancellationToken)) units.Add(Progress(unit));
        return new TaskProgress(Legacy(task), units);
    }

    /// <summary>
    /// Progress of every task that has any (few), keyed issue|doc|task, of one issue or of all; every other task is open
    /// for every department.
    /// </summary>
    public async Task<Dictionary<string, TaskProgress>> AllProgressAsync(string? issueKey = null, CancellationToken cancellationToken = default)
    {
        var legacy = new Dictionary<string, UnitProgress>(StringComparer.Ordinal);
        var notOpen = TableClient.CreateQueryFilter($"State ne {StoredName.Of(TaskState.Open)}");
        var tasks = issueKey is null ? notOpen : TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}") + " and " + notOpen;
        string[] columns = [nameof(TaskRow.PartitionKey), nameof(TaskRow.RowKey), "State", nameof(TaskRow.StateBy), nameof(TaskRow.StateAt), nameof(TaskRow.Note)];
        await foreach (var row in Tasks.QueryAsync<TaskRow>(tasks, select: columns, cancellationToken: cancellationToken))
        {
            if (Legacy(row) is { } before) legacy[row.PartitionKey + "|" + row.RowKey] = before;
        }

        var units = new Dictionary<string, List<UnitProgress>>(StringComparer.Ordinal);
        var filter = issueKey is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}");
        await foreach (var unit in Units.QueryAsync<TaskUnitRow>(filter, cancellationToken: cancellationToken))
        {
            if (!units.TryGetValue(unit.TaskKey, out var list)) units[unit.TaskKey] = list = [];
            list.Add(Progress(unit));
        }

        return legacy.Keys.Union(units.Keys).ToDictionary(
            key => key, key => new TaskProgress(legacy.GetValueOrDefault(key), units.GetValueOrDefault(key) ?? []), StringComparer.Ordinal);
    }

    private static UnitProgress Progress(TaskUnitRow unit) => new(unit.DepartmentId, unit.State, unit.At, unit.Note);

    private static UnitProgress? Legacy(TaskRow task) =>
        task.State == TaskState.Open ? null : new UnitProgress(task.StateBy ?? "", task.State, task.StateAt, task.Note);

    /// <summary>issue|doc|task → (issue, doc|task).</summary>
    private static (string? Partition, string Row) Split(string taskKey)
    {
        var at = taskKey.IndexOf('|', StringComparison.Ordinal);
        return at > 0 ? (taskKey[..at], taskKey[(at + 1)..]) : (null, "");
    }
}
