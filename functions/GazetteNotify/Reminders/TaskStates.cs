using Azure;
using Azure.Data.Tables;
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
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            if (!existing.HasValue) return false;
            var entity = existing.Value!;
            if (Parse(entity.GetString("State")) >= state) return true;
            entity["State"] = Name(state);
            entity["StateBy"] = departmentId;
            entity["StateAt"] = at;
            if (note is not null) entity["Note"] = note.Length > 2000 ? note[..2000] : note;
            try
            {
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Someone else changed it meanwhile: read again and decide again.
            }
        }
    }

    public async Task<TableEntity?> GetAsync(string taskKey, CancellationToken cancellationToken = default)
    {
        var (partition, row) = Split(taskKey);
        if (partition is null) return null;
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }

    /// <summary>Tasks that are not open (few), keyed issue|doc|task; every other task is open.</summary>
    public async Task<Dictionary<string, TaskState>> NotOpenAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, TaskState>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"State ne {"open"}"), select: ["PartitionKey", "RowKey", "State"], cancellationToken: cancellationToken))
        {
            states[row.PartitionKey + "|" + row.RowKey] = Parse(row.GetString("State"));
        }

        return states;
    }

    public static TaskState Parse(string? state) => state switch
    {
        "done" => TaskState.Done,
        "acknowledged" => TaskState.Acknowledged,
        _ => TaskState.Open,
    };

    public static string Name(TaskState state) => state.ToString().ToLowerInvariant();

    /// <summary>issue|doc|task → (issue, doc|task).</summary>
    private static (string? Partition, string Row) Split(string taskKey)
    {
        var at = taskKey.IndexOf('|', StringComparison.Ordinal);
        return at > 0 ? (taskKey[..at], taskKey[(at + 1)..]) : (null, "");
    }
}
