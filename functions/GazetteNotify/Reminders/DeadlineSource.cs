using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Ingestion;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// Limits as planning needs them, from the Deadlines table: those due in a window (one range scan per year partition),
/// the repeating ones, and the review list; each with its task's state from the Tasks table.
/// </summary>
public sealed class DeadlineSource(GazetteStorage storage)
{
    private TableClient Deadlines => storage.Table(storage.Names.DeadlinesTable);

    /// <summary>Limits due between two days (inclusive) and every repeating limit, with task states.</summary>
    public async Task<List<ReminderTask>> DueBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var rows = new List<TableEntity>();
        foreach (var year in DeadlinePartition.Covering(from, to))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {year} and RowKey ge {Iso(from)} and RowKey lt {Iso(to.AddDays(1))}");
            await foreach (var row in Deadlines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        }

        await foreach (var row in Deadlines.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DeadlinePartition.Recurring}"), cancellationToken: cancellationToken)) rows.Add(row);
        var states = await new TaskStates(storage).NotOpenAsync(cancellationToken);
        return rows.Select(r => From(r, states)).ToList();
    }

    /// <summary>Every limit of every issue (dated and repeating): a department's calendar.</summary>
    public async Task<List<ReminderTask>> AllScheduledAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var states = await new TaskStates(storage).NotOpenAsync(cancellationToken);
        var list = new List<ReminderTask>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ne {DeadlinePartition.Undated}");
        await foreach (var row in Deadlines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) list.Add(From(row, states));
        return list;
    }

    /// <summary>Limits waiting for the admin: not understood, or resolved with too little confidence to remind on.</summary>
    public async Task<List<TableEntity>> ReviewListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var list = new List<TableEntity>();
        await foreach (var row in Deadlines.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DeadlinePartition.Undated}"), cancellationToken: cancellationToken)) list.Add(row);
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
        var existing = await Deadlines.GetEntityIfExistsAsync<TableEntity>(DeadlinePartition.Undated, rowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue) return false;
        var row = existing.Value!;
        if (date is { } day)
        {
            var moved = new TableEntity(DeadlinePartition.Of(day), Iso(day) + "|" + key);
            foreach (var (name, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))) moved[name] = value;
            moved["Date"] = Iso(day);
            moved["Basis"] = "set by the admin" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note}");
            moved["Review"] = null;
            moved["Settled"] = true; // a new parse of the issue keeps this decision (IngestIssue)
            await Deadlines.UpsertEntityAsync(moved, TableUpdateMode.Replace, cancellationToken);
            await Deadlines.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }
        else
        {
            row["Dismissed"] = true;
            row["DismissNote"] = note;
            await Deadlines.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        return true;
    }

    public static ReminderTask From(TableEntity row, IReadOnlyDictionary<string, TaskState> states)
    {
        var key = row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
        var taskKey = key[..key.LastIndexOf('|')];
        var kind = Enum.TryParse<DeadlineKind>(row.GetString("Kind"), ignoreCase: true, out var k) ? k : DeadlineKind.Deadline;
        var phrase = row.GetString("Phrase") ?? "";
        return new ReminderTask(
            key, taskKey, row.GetString("DocNumber"), row.GetString("Title") ?? "", row.GetString("Item"), row.GetString("Excerpt"),
            JsonColumn.Read(row.GetString("Lead")), JsonColumn.Read(row.GetString("Support")), phrase, kind,
            ParseDate(row.GetString("Date")), row.GetString("Basis") ?? "",
            states.TryGetValue(taskKey, out var state) ? state : TaskState.Open)
        {
            Recurrence = row.PartitionKey == DeadlinePartition.Recurring ? RecurrenceColumns.Read(row) : null,
            SignedOn = ParseDate(row.GetString("SignedDate")),
            ValidUntil = ParseDate(row.GetString("ValidUntil")),
        };
    }

    private static DateOnly? ParseDate(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
