using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;

namespace GazetteNotify.Queries;

/// <summary>What an admin asks of stored issues: the list, one issue whole, deadlines in a window.</summary>
public sealed class IssueQueries(GazetteStorage storage)
{
    public async Task<IReadOnlyList<IssueSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        return await Guard(async () =>
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            var list = new List<IssueSummary>();
            await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<TableEntity>(
                               $"PartitionKey eq '{IssueRows.IssuesPartition}'", cancellationToken: cancellationToken))
            {
                list.Add(IssueSummary.From(row));
            }

            return list;
        });
    }

    /// <summary>
    /// One issue whole, by its key (2022-06) or by the name it was uploaded under (liaocheng-2022-06.txt, or the blob's
    /// full path): `gazette upload` prints both, and an admin types whichever is at hand. The newest upload of that name wins.
    /// </summary>
    public async Task<IssueDetail?> ShowAsync(string keyOrUploadName, CancellationToken cancellationToken = default)
    {
        return await Guard(async () =>
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            var found = await storage.Table(storage.Names.IssuesTable).GetEntityIfExistsAsync<TableEntity>(IssueRows.IssuesPartition, keyOrUploadName, cancellationToken: cancellationToken);
            var summary = found.HasValue
                ? IssueSummary.From(found.Value!)
                : (await ListAsync(cancellationToken))
                    .Where(i => i.BlobName == keyOrUploadName || (i.BlobName?.EndsWith("/" + keyOrUploadName, StringComparison.Ordinal) ?? false))
                    .OrderByDescending(i => i.IngestedAt).FirstOrDefault();
            if (summary is null) return null;
            var issueKey = summary.Key;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}");
            var documents = await ReadAllAsync(storage.Table(storage.Names.DocumentsTable), filter, cancellationToken);
            var tasks = await ReadAllAsync(storage.Table(storage.Names.TasksTable), filter, cancellationToken);
            var deadlines = await ReadAllAsync(storage.Table(storage.Names.DeadlinesTable),
                TableClient.CreateQueryFilter($"IssueKey eq {issueKey}"), cancellationToken);
            return new IssueDetail(summary, documents, tasks, deadlines);
        });
    }

    /// <summary>Deadlines due between two days (inclusive), optionally only those naming a unit as lead or support.</summary>
    public async Task<IReadOnlyList<DeadlineRow>> DeadlinesAsync(DateOnly from, DateOnly to, string? unit, CancellationToken cancellationToken = default)
    {
        return await Guard(async () =>
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            var table = storage.Table(storage.Names.DeadlinesTable);
            var low = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var high = to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var found = new List<DeadlineRow>();
            foreach (var partition in DeadlinePartition.Covering(from, to))
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
                await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    var deadline = DeadlineRow.From(row);
                    if (unit is null || deadline.Names(unit)) found.Add(deadline);
                }
            }

            return found;
        });
    }

    private static async Task<List<TableEntity>> ReadAllAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }

    private async Task<T> Guard<T>(Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (Exception e) when (StorageUnreachableException.IsConnectionFailure(e) && e is not StorageUnreachableException)
        {
            throw StorageUnreachableException.For(storage.Settings, "table", e);
        }
    }
}

/// <summary>One row of the Issues table, as an admin lists it.</summary>
public sealed record IssueSummary(
    string Key, string Status, string? Title, int Documents, int Tasks, int Deadlines, int Warnings, string? Reason, string? BlobName,
    DateTimeOffset? IngestedAt, IReadOnlyList<string> WarningTexts, string? WarningsBlob)
{
    /// <summary>What this version has fewer of than the one it replaced (documents, tasks, deadlines), or null.</summary>
    public string? Lost { get; init; }

    /// <summary>Where the replaced version's parse is kept (gazette-parsed), when this upload replaced one.</summary>
    public string? ReplacedVersion { get; init; }

    /// <summary>The reader the upload's bytes called for (Text, Pdf, Word, Html) and the encoding or reader it records.</summary>
    public string? Reader { get; init; }

    public string? Encoding { get; init; }

    public static IssueSummary From(TableEntity row) => new(
        row.RowKey,
        row.GetString("Status") ?? "?",
        row.GetString("Title"),
        row.GetInt32("Documents") ?? 0,
        row.GetInt32("Tasks") ?? 0,
        row.GetInt32("Deadlines") ?? 0,
        row.GetInt32("WarningCount") ?? 0,
        row.GetString("Reason"),
        row.GetString("BlobName"),
        row.GetDateTimeOffset("IngestedAt"),
        JsonColumn.Read(row.GetString("Warnings")),
        row.GetString("WarningsBlob"))
    {
        Lost = row.GetString("Lost"),
        ReplacedVersion = row.GetString("ReplacedVersion"),
        Reader = row.GetString("Reader"),
        Encoding = row.GetString("Encoding"),
    };
}

/// <summary>An issue with all its rows.</summary>
public sealed record IssueDetail(IssueSummary Issue, IReadOnlyList<TableEntity> Documents, IReadOnlyList<TableEntity> Tasks, IReadOnlyList<TableEntity> Deadlines);

/// <summary>One Deadlines row: when, what phrase, who.</summary>
public sealed record DeadlineRow(
    string? Date, string Phrase, string Kind, string IssueKey, string? DocNumber, string? Title, string? Item,
    IReadOnlyList<string> Lead, IReadOnlyList<string> Support)
{
    public static DeadlineRow From(TableEntity row) => new(
        row.GetString("Date"), row.GetString("Phrase") ?? "", row.GetString("Kind") ?? "", row.GetString("IssueKey") ?? "",
        row.GetString("DocNumber"), row.GetString("Title"), row.GetString("Item"),
        JsonColumn.Read(row.GetString("Lead")), JsonColumn.Read(row.GetString("Support")));

    /// <summary>Names the unit as lead or support (as written; the department directory comes with issue 6).</summary>
    public bool Names(string unit) => Lead.Any(u => u.Contains(unit, StringComparison.Ordinal)) || Support.Any(u => u.Contains(unit, StringComparison.Ordinal));
}
