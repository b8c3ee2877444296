using Azure;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;
using Microsoft.Extensions.Hosting;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: every few seconds, lists gazette-issues and ingests each blob
/// whose ETag it has not handled. What it handled is kept in JobState (partition `blob-watcher`), so a restart does not
/// ingest again; IngestIssue's receipts make a second runner's attempt, or a re-upload of the same bytes, a no-op.
/// </summary>
public sealed class BlobWatcher(GazetteStorage storage, IngestIssue ingest, RunnerLog log, TimeSpan interval) : BackgroundService
{
    /// <summary>
    /// Rows of this partition: row = 32 hex of the blob name's hash, columns Name and ETag (the blob's, as handled). They
    /// stay plain TableEntity: a column named ETag cannot be a typed row's property (the SDK binds that name to the
    /// row's own ETag).
    /// </summary>
    private const string Partition = "blob-watcher";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded)
                {
                    await storage.EnsureCreatedAsync(stoppingToken);
                    await foreach (var row in State.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: stoppingToken))
                    {
                        if (row.GetString("Name") is { } name && row.GetString("ETag") is { } etag) seen[name] = etag;
                    }

                    loaded = true;
                }

                await foreach (var blob in storage.Issues.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    var etag = blob.Properties.ETag?.ToString() ?? "";
                    if (seen.TryGetValue(blob.Name, out var known) && known == etag) continue;
                    var outcome = await ingest.RunAsync(blob.Name, CancellationToken.None); // an ingest in flight finishes
                    if (outcome.Status != IngestStatus.InProgress) // another runner has it: look again next round
                    {
                        seen[blob.Name] = etag;
                        await State.UpsertEntityAsync(new TableEntity(Partition, Key(blob.Name)) { ["Name"] = blob.Name, ["ETag"] = etag }, TableUpdateMode.Replace, CancellationToken.None);
                    }

                    log.Line(Describe(outcome)); // after the record: what is reported handled is remembered
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException || StorageUnreachableException.IsConnectionFailure(e))
            {
                log.Line($"watcher: storage error ({Problem(e)}); trying again");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TableClient State => storage.Table(storage.Names.JobStateTable);

    /// <summary>Blob names may hold characters a row key may not; the hash stands in.</summary>
    private static string Key(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..32];

    public static string Describe(IngestOutcome o) => o.Status switch
    {
        IngestStatus.Ingested or IngestStatus.Replaced => $"ingest {o.BlobName} → {o.IssueKey}: {o.Summary}",
        IngestStatus.Rejected => $"ingest {o.BlobName}: rejected — {o.Reason}",
        _ => $"ingest {o.BlobName}: {o.Status.ToString().ToLowerInvariant()}" + (o.IssueKey is null ? "" : $" ({o.IssueKey})"),
    };

    private static string Problem(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : "not reachable: " + e.GetType().Name;
}
