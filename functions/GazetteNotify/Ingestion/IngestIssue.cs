using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using GazetteNotify.Documents;
using GazetteNotify.Formats;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Storage;
using GazetteNotify.Topics;

namespace GazetteNotify.Ingestion;

/// <summary>
/// The job behind the blob trigger (and the local runner, and `gazette upload`): one upload in gazette-issues →
/// Issues, Documents, Tasks and Deadlines rows plus gazette-parsed/{issue}/issue.json and text.txt.
/// At-least-once in, once out: the content hash is claimed in Receipts before any write, so the same bytes (under any
/// name, from racing triggers) are ingested once; new bytes for a stored issue replace its rows and remove orphans.
/// A bad upload is kept where it is, copied to quarantine with its reason, and recorded — never thrown.
/// </summary>
public sealed class IngestIssue(GazetteStorage storage, TimeProvider clock)
{
    /// <summary>A claim older than this is taken to belong to a worker that died, and may be taken over.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    public Task<IngestOutcome> RunAsync(string blobName, CancellationToken cancellationToken = default) => RunAsync(blobName, reparse: false, cancellationToken);

    /// <summary>
    /// The admin's re-ingest: the upload is read and parsed again even though its bytes were handled before — a rejected
    /// upload after a parser fix, a stored issue after a parser improvement. Safe to repeat: the same bytes parse to the
    /// same rows, and the replaced version's parse is kept as for any replacement.
    /// </summary>
    public Task<IngestOutcome> ReingestAsync(string blobName, CancellationToken cancellationToken = default) => RunAsync(blobName, reparse: true, cancellationToken);

    private async Task<IngestOutcome> RunAsync(string blobName, bool reparse, CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            var blob = storage.Issues.GetBlobClient(blobName);
            BlobDownloadStreamingResult download;
            try
            {
                download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return IngestOutcome.Of(IngestStatus.Missing, blobName, reason: "the blob no longer exists");
            }

            using (download)
            {
                var length = download.Details.ContentLength;
                if (length > IssueTextDecoder.MaxBytes) return await RefuseOversizedAsync(blob, download, cancellationToken);
                var bytes = new byte[length];
                await download.Content.ReadExactlyAsync(bytes, cancellationToken);
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                return await IngestAsync(blobName, sha, () => IngestClaimedAsync(blobName, bytes, sha, reparse, cancellationToken), reparse, cancellationToken);
            }
        }
        catch (Exception e) when (StorageUnreachableException.IsConnectionFailure(e) && e is not StorageUnreachableException)
        {
            throw StorageUnreachableException.For(storage.Settings, "blob/table", e);
        }
    }

    /// <summary>
    /// An upload over the size limit is never held in memory (a multi-GB blob would take the worker down, and with it
    /// the record of why): it is hashed as it streams past, refused under that hash like any refusal, and streamed
    /// into quarantine a block at a time.
    /// </summary>
    private async Task<IngestOutcome> RefuseOversizedAsync(Azure.Storage.Blobs.BlobClient blob, BlobDownloadStreamingResult download, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content, cancellationToken));
        var upload = new Upload(blob.Name, sha, "none");
        var reason = IssueTextDecoder.TooLarge(download.Details.ContentLength);
        var version = new BlobRequestConditions { IfMatch = download.Details.ETag }; // the bytes just hashed, not a newer upload
        return await IngestAsync(blob.Name, sha, () => RejectAsync(upload, reason, clock.GetUtcNow(), async (quarantine, options) =>
        {
            using var again = (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = version }, cancellationToken)).Value;
            options.TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 1 };
            await quarantine.UploadAsync(again.Content, options, cancellationToken);
        }, cancellationToken), reparse: false, cancellationToken);
    }

    /// <summary>Claims the content hash, runs the ingestion, and records the outcome on the receipt (or gives the claim back).</summary>
    private async Task<IngestOutcome> IngestAsync(string blobName, string sha, Func<Task<IngestOutcome>> ingest, bool reparse, CancellationToken cancellationToken)
    {
        var receipts = storage.Table(storage.Names.ReceiptsTable);
        var claim = await ClaimAsync(receipts, sha, blobName, reparse, cancellationToken);
        if (claim.Outcome is { } settled) return settled;

        try
        {
            var outcome = await ingest();
            var done = new ReceiptRow
            {
                PartitionKey = ReceiptRow.Partition,
                RowKey = sha,
                Status = ReceiptStatus.Done,
                BlobName = blobName,
                IssueKey = outcome.IssueKey,
                Outcome = outcome.Status,
                Reason = outcome.Reason,
                CompletedAt = clock.GetUtcNow(),
            };
            await receipts.UpdateEntityAsync(done, claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return outcome;
        }
        catch
        {
            // Give the claim back so the trigger's retry can ingest at once rather than after the lease.
            try
            {
                await receipts.DeleteEntityAsync(ReceiptRow.Partition, sha, claim.ETag, CancellationToken.None);
            }
            catch (RequestFailedException)
            {
            }

            throw;
        }
    }

    private async Task<IngestOutcome> IngestClaimedAsync(string blobName, byte[] bytes, string sha, bool reparse, CancellationToken cancellationToken)
    {
        // A PDF, a Word file, a web page or text: the bytes decide the reader, the name does not.
        var (format, parsed) = UploadParser.Parse(bytes);
        var upload = new Upload(blobName, sha, parsed.Encoding) { Reader = format };
        var now = clock.GetUtcNow();
        if (parsed.Rejection is { } reason)
        {
            return await RejectAsync(upload, reason, now, (quarantine, options) => quarantine.UploadAsync(new BinaryData(bytes), options, cancellationToken), cancellationToken);
        }

        var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
        var issueKey = IssueKey.From(issue.Gazette) ?? (issue.Gazette.IsIssue ? IssueKey.Fallback(sha) : IssueKey.Document(issue, sha));
        var rows = IssueRows.Build(issueKey, issue, upload, now);
        var issues = storage.Table(storage.Names.IssuesTable);
        var existing = await issues.GetEntityIfExistsAsync<IssueRow>(IssueRows.IssuesPartition, issueKey, cancellationToken: cancellationToken);
        if (!reparse && existing.HasValue && existing.Value!.ContentSha256 == sha && existing.Value.Status == IssueStatus.Ingested)
        {
            return Counted(IngestStatus.Unchanged, blobName, issueKey, rows, issue);
        }

        // What the admin decided about this issue's undated limits (a day given, or dismissed) outlives a new parse.
        if (existing.HasValue) rows = rows with { Deadlines = await KeepAdminDecisionsAsync(issueKey, rows.Deadlines, cancellationToken) };
        if (existing.HasValue) await KeepTaskStatesAsync(issueKey, rows.Tasks, cancellationToken);

        // New bytes for a stored issue: its parse is kept before it is overwritten, and what it had that this lacks is named.
        (IngestOutcome.Loss Lost, string Kept)? replaced = existing.HasValue ? await KeepReplacedVersionAsync(issueKey, existing.Value!, issue, rows, cancellationToken) : null;
        await WriteBlobsAsync(issueKey, issue, parsed.DocumentTexts, cancellationToken);
        await TableBatches.SubmitAsync(storage.Table(storage.Names.DocumentsTable), rows.Documents, TableTransactionActionType.UpsertReplace, cancellationToken);
        await TableBatches.SubmitAsync(storage.Table(storage.Names.TasksTable), rows.Tasks, TableTransactionActionType.UpsertReplace, cancellationToken);
        await TableBatches.SubmitAsync(storage.Table(storage.Names.DeadlinesTable), rows.Deadlines, TableTransactionActionType.UpsertReplace, cancellationToken);
        if (existing.HasValue) await RemoveOrphansAsync(issueKey, rows, cancellationToken);

        // The Issues row goes last: once it says ingested, every row it counts is there.
        await issues.UpsertEntityAsync(rows.Issue, TableUpdateMode.Replace, cancellationToken);
        // Bytes once refused and now read (a re-ingest after a parser fix): their refusal no longer stands.
        if (reparse) await issues.DeleteEntityAsync(IssueRows.IssuesPartition, IssueKey.Rejected(sha), ETag.All, cancellationToken);
        return replaced is null
            ? Counted(IngestStatus.Ingested, blobName, issueKey, rows, issue)
            : Counted(IngestStatus.Replaced, blobName, issueKey, rows, issue) with { Lost = replaced.Value.Lost, ReplacedVersion = replaced.Value.Kept };
    }

    /// <summary>
    /// Before a stored issue is replaced: its issue.json is copied to <c>{key}/replaced/{sha16}.json</c> (a truncated
    /// re-upload must not be the end of the complete one), and what it had that this version lacks goes on the new
    /// Issues row. Repeating it (a retried trigger) rewrites the same copy.
    /// </summary>
    private async Task<(IngestOutcome.Loss Lost, string Kept)> KeepReplacedVersionAsync(
        string issueKey, IssueRow stored, GazetteIssue issue, IssueRows rows, CancellationToken cancellationToken)
    {
        var kept = $"{issueKey}/replaced/{(stored.ContentSha256 is { Length: >= 16 } sha ? sha[..16] : "earlier")}.json";
        var current = storage.Parsed.GetBlobClient($"{issueKey}/issue.json");
        if (await current.ExistsAsync(cancellationToken))
        {
            var content = (await current.DownloadContentAsync(cancellationToken)).Value;
            await storage.Parsed.GetBlobClient(kept).UploadAsync(content.Content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = content.Details.ContentType } }, cancellationToken);
        }

        // A document is still there when this version has its number or its title (a truncated body loses the number line).
        var numbers = issue.Documents.Select(d => d.DocNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var titles = issue.Documents.Select(d => d.Title).ToHashSet(StringComparer.Ordinal);
        var dropped = new List<string>();
        await foreach (var row in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), select: [nameof(DocumentRow.DocNumber), nameof(DocumentRow.Title)], cancellationToken: cancellationToken))
        {
            var (number, title) = (row.DocNumber, row.Title ?? "");
            if (number is { Length: > 0 } && numbers.Contains(number) || titles.Contains(title)) continue;
            dropped.Add(number is { Length: > 0 } ? number : title);
        }

        var lost = new IngestOutcome.Loss(dropped, stored.Tasks - rows.Tasks.Count, stored.Deadlines - rows.Deadlines.Count);
        rows.Issue.ReplacedVersion = kept;
        rows.Issue.Lost = lost.IsNone ? null : lost.Describe();
        return (lost, kept);
    }

    private static IngestOutcome Counted(IngestStatus status, string blobName, string issueKey, IssueRows rows, GazetteIssue issue) =>
        new(status, blobName, issueKey, null, rows.Documents.Count, rows.Tasks.Count, rows.Deadlines.Count, issue.Warnings.Count);

    private async Task<IngestOutcome> RejectAsync(
        Upload upload, string reason, DateTimeOffset now, Func<Azure.Storage.Blobs.BlobClient, BlobUploadOptions, Task> writeQuarantine, CancellationToken cancellationToken)
    {
        var key = IssueKey.Rejected(upload.ContentSha256);
        var quarantineName = QuarantineName(upload);
        var metadata = new Dictionary<string, string>
        {
            ["reason"] = MetadataValue(reason),
            ["originalblob"] = MetadataValue(upload.BlobName),
            ["sha256"] = upload.ContentSha256,
        };
        await writeQuarantine(storage.Quarantine.GetBlobClient(quarantineName), new BlobUploadOptions { Metadata = metadata });
        await storage.Table(storage.Names.IssuesTable).UpsertEntityAsync(
            IssueRows.Rejection(key, upload, reason, quarantineName, now), TableUpdateMode.Replace, cancellationToken);
        return IngestOutcome.Of(IngestStatus.Rejected, upload.BlobName, key, reason);
    }

    /// <summary>A blob name holds at most 1,024 characters: a name near that limit is cut after the hash prefix.</summary>
    public static string QuarantineName(Upload upload)
    {
        var name = $"{upload.ContentSha256[..16]}/{upload.BlobName}";
        return name.Length <= MaxBlobName ? name : name[..MaxBlobName];
    }

    private const int MaxBlobName = 1024;

    /// <summary>
    /// Blob metadata is ASCII only: anything else (a Chinese file name) is percent-encoded. All of a blob's metadata
    /// must fit in 8 KB, and a long Chinese name grows ninefold when encoded, so a value is cut at 2,048 characters
    /// (never inside an escape); the Issues row keeps the whole name and reason.
    /// </summary>
    public static string MetadataValue(string value)
    {
        if (value.All(c => c is >= ' ' and < (char)127)) return value.Length <= MaxMetadataValue ? value : value[..MaxMetadataValue];
        var encoded = new System.Text.StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            var piece = Uri.EscapeDataString(rune.ToString()); // as escaping the whole value would, a character at a time
            if (encoded.Length + piece.Length > MaxMetadataValue) break;
            encoded.Append(piece);
        }

        return encoded.ToString();
    }

    private const int MaxMetadataValue = 2048;

    private async Task WriteBlobsAsync(string issueKey, GazetteIssue issue, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var json = storage.Parsed.GetBlobClient($"{issueKey}/issue.json");
        await json.UploadAsync(new BinaryData(GazetteJson.SerializeToUtf8(issue)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, cancellationToken);

        var text = new StringBuilder(NormalisedText.Compose(issue, texts));
        await storage.Parsed.GetBlobClient($"{issueKey}/text.txt").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text.ToString())),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);
    }

    /// <summary>
    /// A limit the parser cannot date waits for the admin, who gives it a day (the row moves to that day) or dismisses
    /// it. Parsing the issue again (a re-ingest, a corrected upload) yields the undated row again: where the admin has
    /// decided on the same limit (issue|doc|task|n), the decision is kept instead — never undone by a parse.
    /// </summary>
    private async Task<IReadOnlyList<DeadlineRow>> KeepAdminDecisionsAsync(string issueKey, IReadOnlyList<DeadlineRow> deadlines, CancellationToken cancellationToken)
    {
        var decided = new Dictionary<string, DeadlineRow>(StringComparer.Ordinal);
        await foreach (var row in storage.Table(storage.Names.DeadlinesTable).QueryAsync<DeadlineRow>(TableClient.CreateQueryFilter($"IssueKey eq {issueKey}"), cancellationToken: cancellationToken))
        {
            if (row.IsSettled || row.Dismissed == true) decided[row.LimitKey] = row;
        }

        if (decided.Count == 0) return deadlines;
        return deadlines.Select(row => row.PartitionKey == DeadlinePartition.Undated && decided.TryGetValue(row.LimitKey, out var decision) ? decision : row).ToList();
    }

    /// <summary>
    /// A state stored per task before per-department state (docs/adr/0044) is carried onto the same task of the new
    /// parse rather than reset to open; each department's own part lives in TaskUnits, which ingestion never writes.
    /// </summary>
    private async Task KeepTaskStatesAsync(string issueKey, IReadOnlyList<TaskRow> tasks, CancellationToken cancellationToken)
    {
        var byKey = tasks.ToDictionary(t => t.RowKey, StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {issueKey} and State ne {StoredName.Of(TaskState.Open)}");
        await foreach (var stored in storage.Table(storage.Names.TasksTable).QueryAsync<TaskRow>(filter, cancellationToken: cancellationToken))
        {
            if (!byKey.TryGetValue(stored.RowKey, out var task)) continue;
            (task.StateName, task.StateBy, task.StateAt, task.Note) = (stored.StateName, stored.StateBy, stored.StateAt, stored.Note);
        }
    }

    /// <summary>Rows an earlier version of the issue had and this one has not.</summary>
    private async Task RemoveOrphansAsync(string issueKey, IssueRows rows, CancellationToken cancellationToken)
    {
        await DeleteMissingAsync(storage.Table(storage.Names.DocumentsTable), TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), rows.Documents, cancellationToken);
        await DeleteMissingAsync(storage.Table(storage.Names.TasksTable), TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), rows.Tasks, cancellationToken);
        await DeleteMissingAsync(storage.Table(storage.Names.DeadlinesTable), TableClient.CreateQueryFilter($"IssueKey eq {issueKey}"), rows.Deadlines, cancellationToken);
    }

    private static Task<int> DeleteMissingAsync(TableClient table, string filter, IReadOnlyList<ITableEntity> keep, CancellationToken cancellationToken)
    {
        var kept = keep.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet();
        return TableRanges.DeleteAsync(table, filter, row => kept.Contains((row.PartitionKey, row.RowKey)), cancellationToken);
    }

    private readonly record struct Claim(ETag ETag, IngestOutcome? Outcome);

    /// <summary>
    /// Claims the content hash. The insert succeeds for exactly one of any racing triggers; the others read the row:
    /// done → unchanged; being ingested → in progress, unless the claim is older than the lease (a dead worker), which
    /// is taken over with an ETag-conditional replace that, again, only one can win.
    /// </summary>
    private async Task<Claim> ClaimAsync(TableClient receipts, string sha, string blobName, bool reparse, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = new ReceiptRow { PartitionKey = ReceiptRow.Partition, RowKey = sha, Status = ReceiptStatus.Ingesting, BlobName = blobName, ClaimedAt = now };
        try
        {
            var added = await receipts.AddEntityAsync(claim, cancellationToken);
            return new Claim(added.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = await receipts.GetEntityIfExistsAsync<ReceiptRow>(ReceiptRow.Partition, sha, cancellationToken: cancellationToken);
        if (!existing.HasValue) return await ClaimAsync(receipts, sha, blobName, reparse, cancellationToken); // released meanwhile
        var receipt = existing.Value!;
        if (receipt.Status == ReceiptStatus.Done && !reparse)
        {
            var status = receipt.Outcome == IngestStatus.Rejected ? IngestStatus.Rejected : IngestStatus.Unchanged;
            return new Claim(receipt.ETag, IngestOutcome.Of(status, blobName, receipt.IssueKey, receipt.Reason));
        }

        if (receipt.Status != ReceiptStatus.Done && receipt.ClaimedAt is { } claimedAt && now - claimedAt < ClaimLease)
        {
            return new Claim(receipt.ETag, IngestOutcome.Of(IngestStatus.InProgress, blobName, receipt.IssueKey));
        }

        try
        {
            var taken = await receipts.UpdateEntityAsync(claim, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
            return new Claim(taken.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new Claim(receipt.ETag, IngestOutcome.Of(IngestStatus.InProgress, blobName));
        }
    }
}
