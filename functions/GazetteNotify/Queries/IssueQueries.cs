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
            await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<IssueRow>(
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
            var found = await storage.Table(storage.Names.IssuesTable).GetEntityIfExistsAsync<IssueRow>(IssueRows.IssuesPartition, keyOrUploadName, cancellationToken: cancellationToken);
            var summary = found.HasValue
                ? IssueSummary.From(found.Value!)
                : (await ListAsync(cancellationToken))
                    .Where(i => i.BlobName == keyOrUploadName || (i.BlobName?.EndsWith("/" + keyOrUploadName, StringComparison.Ordinal) ?? false))
                    .OrderByDescending(i => i.IngestedAt).FirstOrDefault();
            if (summary is null) return null;
            var issueKey = summary.Key;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}");
            var documents = await ReadAllAsync<DocumentRow>(storage.Table(storage.Names.DocumentsTable), filter, cancellationToken);
            var tasks = await ReadAllAsync<TaskRow>(storage.Table(storage.Names.TasksTable), filter, cancellationToken);
            var deadlines = await ReadAllAsync<DeadlineRow>(storage.Table(storage.Names.DeadlinesTable),
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
            var low = StoredDate.Of(from);
            var high = StoredDate.Of(to.AddDays(1));
            var found = new List<DeadlineRow>();
            foreach (var partition in DeadlinePartition.Covering(from, to))
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
                await foreach (var row in table.QueryAsync<DeadlineRow>(filter, cancellationToken: cancellationToken))
                {
                    if (unit is null || row.Names(unit)) found.Add(row);
                }
            }

            return found;
        });
    }

    private static async Task<List<TRow>> ReadAllAsync<TRow>(TableClient table, string filter, CancellationToken cancellationToken) where TRow : class, ITableEntity
    {
        var rows = new List<TRow>();
        await foreach (var row in table.QueryAsync<TRow>(filter, cancellationToken: cancellationToken)) rows.Add(row);
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
    string Key, IssueStatus? Status, string? Title, int Documents, int Tasks, int Deadlines, int Warnings, string? Reason, string? BlobName,
    DateTimeOffset? IngestedAt, IReadOnlyList<string> WarningTexts, string? WarningsBlob)
{
    /// <summary>What this version has fewer of than the one it replaced (documents, tasks, deadlines), or null.</summary>
    public string? Lost { get; init; }

    /// <summary>Where the replaced version's parse is kept (gazette-parsed), when this upload replaced one.</summary>
    public string? ReplacedVersion { get; init; }

    /// <summary>The reader the upload's bytes called for (Text, Pdf, Word, Html) and the encoding or reader it records.</summary>
    public string? Reader { get; init; }

    public string? Encoding { get; init; }

    /// <summary>The status as stored and as the CLI prints it (ingested, rejected; ? when the row has none).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string StatusName => Status is { } status ? StoredName.Of(status) : "?";

    public static IssueSummary From(IssueRow row) => new(
        row.RowKey, row.Status, row.Title, row.Documents, row.Tasks, row.Deadlines, row.WarningCount, row.Reason, row.BlobName,
        row.IngestedAt, row.Warnings, row.WarningsBlob)
    {
        Lost = row.Lost,
        ReplacedVersion = row.ReplacedVersion,
        Reader = row.Reader?.ToString(),
        Encoding = row.Encoding,
    };
}

/// <summary>An issue with all its rows.</summary>
public sealed record IssueDetail(IssueSummary Issue, IReadOnlyList<DocumentRow> Documents, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<DeadlineRow> Deadlines);
