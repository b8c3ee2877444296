using Azure;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Queries;

/// <summary>
/// What the public archive pages read: an issue with its documents, one document whole (its rows, its parse from
/// gazette-parsed/{issue}/issue.json, the stored documents it cites or repeals and those that cite or repeal it), and
/// an issue's original upload. Keys come from a URL: anything a table key cannot be is simply not found.
/// </summary>
public sealed class ArchiveQueries(GazetteStorage storage)
{
    /// <summary>The most an issue's upload is sent back whole (uploads are refused far below this).</summary>
    private const long MaxUploadBytes = 64L * 1024 * 1024;

    public async Task<ArchiveIssue?> IssueAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        if (!ArchiveKeys.IsIssueKey(issueKey)) return null;
        return await Guard(async () =>
        {
            var issue = await IssueRowAsync(issueKey!, cancellationToken);
            if (issue is null) return null;
            var documents = new List<DocumentRow>();
            await foreach (var row in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), cancellationToken: cancellationToken))
            {
                documents.Add(row);
            }

            documents.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
            return new ArchiveIssue(issue, documents);
        });
    }

    public async Task<ArchiveDocument?> DocumentAsync(string? issueKey, string? docKey, CancellationToken cancellationToken = default)
    {
        if (!ArchiveKeys.IsIssueKey(issueKey) || !ArchiveKeys.IsDocKey(docKey)) return null;
        return await Guard(async () =>
        {
            var issue = await IssueRowAsync(issueKey!, cancellationToken);
            if (issue is null) return null;
            var found = await storage.Table(storage.Names.DocumentsTable).GetEntityIfExistsAsync<DocumentRow>(issueKey!, docKey!, cancellationToken: cancellationToken);
            if (!found.HasValue) return null;
            var row = found.Value!;

            var tasks = new List<TaskRow>();
            var prefix = docKey + "|";
            await foreach (var task in storage.Table(storage.Names.TasksTable).QueryAsync<TaskRow>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issueKey} and RowKey gt {prefix} and RowKey lt {docKey + "}"}"), cancellationToken: cancellationToken))
            {
                tasks.Add(task);
            }

            tasks.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
            var parsed = await ParsedAsync(issueKey!, docKey!, cancellationToken);
            var related = await RelatedAsync(row, cancellationToken);
            return new ArchiveDocument(issue, row, parsed, tasks, related);
        });
    }

    /// <summary>The issue's upload as stored in gazette-issues: its name and bytes; null when the issue or the blob is gone.</summary>
    public async Task<(string Name, byte[] Bytes)?> UploadAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        if (!ArchiveKeys.IsIssueKey(issueKey)) return null;
        return await Guard<(string, byte[])?>(async () =>
        {
            var issue = await IssueRowAsync(issueKey!, cancellationToken);
            if (issue?.BlobName is not { Length: > 0 } name) return null;
            try
            {
                var blob = storage.Issues.GetBlobClient(name);
                var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                if (properties.Value.ContentLength > MaxUploadBytes) return null;
                var content = await blob.DownloadContentAsync(cancellationToken);
                return (name, content.Value.Content.ToArray());
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });
    }

    private async Task<IssueRow?> IssueRowAsync(string issueKey, CancellationToken cancellationToken)
    {
        var found = await storage.Table(storage.Names.IssuesTable).GetEntityIfExistsAsync<IssueRow>(IssueRows.IssuesPartition, issueKey, cancellationToken: cancellationToken);
        // Only an ingested issue has documents to show; a rejected upload's row is the admin's business.
        return found.HasValue && found.Value!.Status == IssueStatus.Ingested ? found.Value : null;
    }

    /// <summary>The document's parse (paragraphs, tasks with their limits and places); null when issue.json is gone or older than the rows.</summary>
    private async Task<GazetteDocument?> ParsedAsync(string issueKey, string docKey, CancellationToken cancellationToken)
    {
        try
        {
            var json = (await storage.Parsed.GetBlobClient($"{issueKey}/issue.json").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            var issue = GazetteJson.Deserialize(json);
            var index = int.Parse(docKey, System.Globalization.CultureInfo.InvariantCulture) - 1;
            return issue is not null && index >= 0 && index < issue.Documents.Count ? issue.Documents[index] : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stored documents linked to this one by 发文字号: those it cites and repeals, those citing or repealing it, from
    /// <see cref="LinkIndexAsync"/>.
    /// </summary>
    private async Task<ArchiveRelations> RelatedAsync(DocumentRow document, CancellationToken cancellationToken)
    {
        var wanted = document.References.Concat(document.Repeals).ToHashSet(StringComparer.Ordinal);
        var own = document.DocNumber;
        if (wanted.Count == 0 && own is null) return ArchiveRelations.None;
        var cites = new Dictionary<string, ArchiveLink>(StringComparer.Ordinal);
        var citedBy = new List<ArchiveLink>();
        var repealedBy = new List<ArchiveLink>();
        foreach (var other in await LinkIndexAsync(cancellationToken))
        {
            if (other.Link.IssueKey == document.PartitionKey && other.Link.DocKey == document.RowKey) continue;
            if (other.Link.DocNumber is { } number && wanted.Contains(number)) cites.TryAdd(number, other.Link);
            if (own is null) continue;
            if (other.Repeals.Contains(own, StringComparer.Ordinal)) repealedBy.Add(other.Link);
            else if (other.References.Contains(own, StringComparer.Ordinal)) citedBy.Add(other.Link);
        }

        return new ArchiveRelations(cites, citedBy, repealedBy);
    }

    private sealed record Indexed(ArchiveLink Link, IReadOnlyList<string> References, IReadOnlyList<string> Repeals);

    /// <summary>How long the link index is reused: a new ingest shows in the links within a minute.</summary>
    private const long IndexLifetimeMs = 60_000;

    /// <summary>Built when, and what: one reference, swapped whole, so a concurrent reader never sees half of it.</summary>
    private sealed record LinkIndex(long At, List<Indexed> Rows);

    private volatile LinkIndex? _index;

    /// <summary>
    /// Every stored document's number, title, citations and repeals: one pass over the Documents table with those
    /// columns, reused for a minute: with 10,007 documents stored (Azurite, one run) the first view that builds it took
    /// 324 ms, the next twenty 10 ms median, 19 ms at most; without it every view paid about 250 ms.
    /// </summary>
    private async Task<List<Indexed>> LinkIndexAsync(CancellationToken cancellationToken)
    {
        if (_index is { } cached && Environment.TickCount64 - cached.At < IndexLifetimeMs) return cached.Rows;
        string[] columns = ["PartitionKey", "RowKey", "DocNumber", "Title", "References", "Repeals"];
        var rows = new List<Indexed>();
        await foreach (var other in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(select: columns, cancellationToken: cancellationToken))
        {
            if (other.DocNumber is null && other.References.Count == 0 && other.Repeals.Count == 0) continue;
            rows.Add(new Indexed(new ArchiveLink(other.PartitionKey, other.RowKey, other.DocNumber, other.Title ?? other.DocNumber ?? ""), other.References, other.Repeals));
        }

        _index = new LinkIndex(Environment.TickCount64, rows);
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
