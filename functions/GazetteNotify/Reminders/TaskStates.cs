using Azure;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// A task's state in the Tasks table (partition = issue, row = doc|task): open, acknowledged or done, with who set it,
/// when, and the note given. Done is final: a replayed acknowledge link does not reopen it.
/// </summary>
public sealed class TaskStates(GazetteStorage storage)
{
    private TableClient Table => storage.Table(storage.Names.TasksTable);

    /// <summary>Sets a task's state; false when there is no such task. Moves only forward (open → acknowledged → done).</summary>
    public async Task<bool> SetAsync(string taskKey, TaskState state, string departmentId, string? note, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var (partition, row) = Split(taskKey);
        if (partition is null) return false;
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TaskRow>(partition, row, cancellationToken: cancellationToken);
            if (!existing.HasValue) return false;
            var task = existing.Value!;
            if (task.State >= state) return true;
            task.State = state;
            task.StateBy = departmentId;
            task.StateAt = at;
            if (note is not null) task.Note = note.Length > 2000 ? note[..2000] : note;
            try
            {
                await Table.UpdateEntityAsync(task, task.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Someone else changed it meanwhile: read again and decide again.
            }
        }
    }

    public async Task<TaskRow?> GetAsync(string taskKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = Split(taskKey);
        if (partition is null) return null;
        var existing = await Table.GetEntityIfExistsAsync<TaskRow>(partition, row, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }

    /// <summary>Tasks that are not open (few), keyed issue|doc|task; every other task is open.</summary>
    public async Task<Dictionary<string, TaskState>> NotOpenAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, TaskState>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"State ne {StoredName.Of(TaskState.Open)}");
        await foreach (var row in Table.QueryAsync<TaskRow>(filter, select: [nameof(TaskRow.PartitionKey), nameof(TaskRow.RowKey), nameof(TaskRow.State)], cancellationToken: cancellationToken))
        {
            states[row.PartitionKey + "|" + row.RowKey] = row.State;
        }

        return states;
    }

    /// <summary>issue|doc|task → (issue, doc|task).</summary>
    private static (string? Partition, string Row) Split(string taskKey)
    {
        var at = taskKey.IndexOf('|', StringComparison.Ordinal);
        return at > 0 ? (taskKey[..at], taskKey[(at + 1)..]) : (null, "");
    }
}
