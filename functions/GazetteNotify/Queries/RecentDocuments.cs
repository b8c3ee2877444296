using Azure.Data.Tables;
using GazetteNotify.Alerts;
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
        var ingested = new List<TableEntity>();
        await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {IssueRows.IssuesPartition} and Status eq {"ingested"}"), cancellationToken: cancellationToken))
        {
            ingested.Add(row);
        }

        // Issue keys sort by date (2022-06, 2024-09-10), so the newest issues are the last keys.
        var taken = ingested.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Take(issues).ToList();
        var documents = new List<AlertDocument>();
        foreach (var issue in taken)
        {
            var name = issue.GetInt32("Year") is { } year ? $"{year}年第{(issue.GetString("IssueNumbers") ?? "").Replace(',', '-')}期" : issue.RowKey;
            await foreach (var d in storage.Table(storage.Names.DocumentsTable).QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issue.RowKey}"), cancellationToken: cancellationToken))
            {
                documents.Add(new AlertDocument(issue.RowKey, name, IssueRows.ReadDocument(d), ""));
            }
        }

        var updated = taken.Select(r => r.GetDateTimeOffset("IngestedAt")).Max();
        return (documents, updated);
    }
}
