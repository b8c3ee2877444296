using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;

namespace GazetteNotify.Queries;

/// <summary>
/// The documents of the most recent ingested issues, newest issue first, as the Documents table keeps them: what a
/// feed shows. Reads the Issues partition once and one Documents partition per issue taken.
/// </summary>
public sealed class RecentDocuments(GazetteStorage storage)
{
    public async Task<(IReadOnlyList<AlertDocument> Documents, DateTimeOffset? Updated)> LatestAsync(int issues, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var ingested = new List<IssueRow>();
        await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<IssueRow>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {IssueRows.IssuesPartition} and Status eq {StoredName.Of(IssueStatus.Ingested)}"), cancellationToken: cancellationToken))
        {
            ingested.Add(row);
        }

        // Issue keys sort by date (2022-06, 2024-09-10), so the newest issues are the last keys.
        var taken = ingested.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Take(issues).ToList();
        var documents = new List<AlertDocument>();
        foreach (var issue in taken)
        {
            var name = issue.Year is { } year ? $"{year}年第{(issue.IssueNumbers ?? "").Replace(',', '-')}期" : issue.RowKey;
            await foreach (var d in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issue.RowKey}"), cancellationToken: cancellationToken))
            {
                documents.Add(new AlertDocument(issue.RowKey, name, d.ToDocument(), "") { DocKey = d.RowKey });
            }
        }

        var updated = taken.Select(r => r.IngestedAt).Max();
        return (documents, updated);
    }
}
