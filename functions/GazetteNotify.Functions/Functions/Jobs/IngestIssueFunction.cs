using Azure.Storage.Blobs;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>A blob created in gazette-issues (Event Grid source: the only blob source on Flex Consumption) → IngestIssue.</summary>
public sealed class IngestIssueFunction(IngestIssue job, ILogger<IngestIssueFunction> logger)
{
    [Function("IngestIssue")]
    public async Task Run(
        [BlobTrigger(StorageNames.IssuesContainerName + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await job.RunAsync(name, cancellationToken);
        logger.LogInformation("IngestIssue {Blob}: {Status} {IssueKey} {Reason}{Loss}", Redaction.Redact(blob.Name), outcome.Status, outcome.IssueKey, Redaction.Redact(outcome.Reason), outcome.LossNote);
        // Another invocation holds the claim on these bytes: fail this one so the trigger retries after the lease.
        if (outcome.Status == IngestStatus.InProgress) throw new InvalidOperationException($"{name} is being ingested by another invocation; retrying");
    }
}
