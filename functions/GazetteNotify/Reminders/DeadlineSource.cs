using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Ingestion;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// Limits as planning needs them, from the Deadlines table: those due in a window (one range scan per year partition),
/// the repeating ones, and the review list; each with its task's progress per department (<see cref="TaskStates"/>).
/// </summary>
public sealed class DeadlineSource(GazetteStorage storage, TaskStates taskStates)
{
    private TableClient Deadlines => storage.Table(storage.Names.DeadlinesTable);

    /// <summary>Limits due between two days (inclusive) and every repeating limit, with each task's progress.</summary>
    public async Task<List<ReminderTask>> DueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var rows = new List<DeadlineRow>();
        foreach (var year in DeadlinePartition.Covering(from, to))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {year} and RowKey ge {StoredDate.Of(from)} and RowKey lt {StoredDate.Of(to.AddDays(1))}");
            await foreach (var row in Deadlines.QueryAsync<DeadlineRow>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        }

        await foreach (var row in Deadlines.QueryAsync<DeadlineRow>(TableClient.CreateQueryFilter($"PartitionKey eq {DeadlinePartition.Recurring}"), cancellationToken: cancellationToken)) rows.Add(row);
        var states = await taskStates.AllProgressAsync(cancellationToken: cancellationToken);
        return rows.Select(r => From(r, states)).ToList();
    }

    /// <summary>Every limit of every issue (dated and repeating): a department's calendar.</summary>
    public async Task<List<ReminderTask>> AllScheduledAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var states = await taskStates.AllProgressAsync(cancellationToken: cancellationToken);
        var list = new List<ReminderTask>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ne {DeadlinePartition.Undated}");
        await foreach (var row in Deadlines.QueryAsync<DeadlineRow>(filter, cancellationToken: cancellationToken)) list.Add(From(row, states));
        return list;
    }

    /// <summary>Limits waiting for the admin: not understood, or resolved with too little confidence to remind on.</summary>
    public async Task<List<DeadlineRow>> ReviewListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var list = new List<DeadlineRow>();
        await foreach (var row in Deadlines.QueryAsync<DeadlineRow>(TableClient.CreateQueryFilter($"PartitionKey eq {DeadlinePartition.Undated}"), cancellationToken: cancellationToken)) list.Add(row);
        return list;
    }

    /// <summary>
    /// The admin settles a reviewed limit: on a day (the row moves to that year's partition and reminds from then on)
    /// or dismissed (kept, marked, never reminded). Idempotent; false when no such limit waits.
    /// </summary>
    public async Task<bool> SettleAsync(string key, DateOnly? date, string? note, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var rowKey = DeadlinePartition.Undated + "|" + key;
        var existing = await Deadlines.GetEntityIfExistsAsync<DeadlineRow>(DeadlinePartition.Undated, rowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue) return false;
        var row = existing.Value!;
        if (date is { } day)
        {
            var (partition, undatedKey) = (row.PartitionKey, row.RowKey);
            row.PartitionKey = DeadlinePartition.Of(day);
            row.RowKey = StoredDate.Of(day) + "|" + key;
            row.Date = day;
            row.Basis = DeadlineRow.AdminBasis + (string.IsNullOrWhiteSpace(note) ? "" : $": {note}");
            row.Review = null;
            row.Settled = true; // a new parse of the issue keeps this decision (IngestIssue)
            await Deadlines.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            await Deadlines.DeleteEntityAsync(partition, undatedKey, cancellationToken: cancellationToken);
        }
        else
        {
            row.Dismissed = true;
            row.DismissNote = note;
            await Deadlines.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        return true;
    }

    public static ReminderTask From(DeadlineRow row, IReadOnlyDictionary<string, TaskProgress> states)
    {
        var phrase = row.Phrase ?? "";
        var progress = states.TryGetValue(row.TaskKey, out var found) ? found : TaskProgress.None;
        return new ReminderTask(
            row.LimitKey, row.TaskKey, row.DocNumber, row.Title ?? "", row.Item, row.Excerpt,
            row.Lead, row.Support, phrase, row.Kind ?? DeadlineKind.Deadline,
            row.Date, row.Basis ?? "",
            progress.Legacy?.State ?? TaskState.Open)
        {
            Progress = progress,
            Recurrence = row.PartitionKey == DeadlinePartition.Recurring ? RecurrenceColumns.Read(row) : null,
            SignedOn = row.SignedDate,
            ValidUntil = row.ValidUntil,
        };
    }
}
