using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Storage;

namespace GazetteNotify.Search;

/// <summary>
/// The stored archive as the index takes it: every ingested issue's Documents rows with each document's text
/// (gazette-parsed/{issue}/text.txt, split per document), and which documents a later one repeals. Its version — every
/// ingested issue's key and time — is one read of the Issues partition, so checking whether the index is stale is cheap.
/// </summary>
public sealed class ArchiveSource(GazetteStorage storage)
{
    /// <summary>Issues read at once: one table query and one blob each.</summary>
    private const int Parallelism = 8;

    public async Task<string> VersionAsync(CancellationToken cancellationToken = default) => Version(await IssuesAsync(cancellationToken));

    public async Task<(string Version, IReadOnlyList<SearchDocument> Documents)> LoadAsync(CancellationToken cancellationToken = default)
    {
        var issues = await IssuesAsync(cancellationToken);
        var perIssue = new (IssueRow Issue, List<(DocumentRow Row, string Text)> Documents)[issues.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, issues.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => perIssue[i] = (issues[i], await IssueAsync(issues[i].RowKey, token)));

        var repealed = perIssue.SelectMany(p => p.Documents).SelectMany(d => d.Row.Repeals).Select(SearchFields.NormaliseDocNumber).ToHashSet(StringComparer.Ordinal);
        var documents = perIssue.SelectMany(p => p.Documents.Select(d => new SearchDocument(
            d.Row.PartitionKey,
            d.Row.RowKey,
            d.Row.Title ?? "",
            d.Row.DocNumber,
            d.Row.Issuer,
            d.Row.SignedDate,
            d.Row.Kind,
            d.Row.Topics,
            d.Row.Summary,
            d.Row.EffectiveUntil,
            d.Row.DocNumber is { Length: > 0 } n && repealed.Contains(SearchFields.NormaliseDocNumber(n)),
            d.Text))).ToList();
        return (Version(issues), documents);
    }

    private async Task<List<IssueRow>> IssuesAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var issues = new List<IssueRow>();
        await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<IssueRow>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {IssueRows.IssuesPartition} and Status eq {StoredName.Of(IssueStatus.Ingested)}"),
                           select: ["RowKey", nameof(IssueRow.IngestedAt)], cancellationToken: cancellationToken))
        {
            issues.Add(row);
        }

        return issues.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>A re-upload of an issue changes its time, a new issue adds a key: either changes the version.</summary>
    private static string Version(List<IssueRow> issues)
    {
        var sb = new StringBuilder();
        foreach (var issue in issues) sb.Append(issue.RowKey).Append('@').Append(issue.IngestedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append(';');
        return sb.ToString();
    }

    private async Task<List<(DocumentRow Row, string Text)>> IssueAsync(string issueKey, CancellationToken cancellationToken)
    {
        var rows = new List<DocumentRow>();
        await foreach (var row in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        string text;
        try
        {
            text = (await storage.Parsed.GetBlobClient($"{issueKey}/text.txt").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            text = ""; // the rows alone still find the document by its title and number
        }

        // The row key is the document's ordinal in the issue (01, 02…), as in text.txt's header lines.
        var ordinals = rows.Select(r => int.TryParse(r.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        var texts = NormalisedText.Split(text, Math.Max(rows.Count, ordinals.DefaultIfEmpty(0).Max()));
        return rows.Select((r, i) => (r, ordinals[i] is > 0 and var n && n <= texts.Count ? texts[n - 1] : "")).ToList();
    }
}
