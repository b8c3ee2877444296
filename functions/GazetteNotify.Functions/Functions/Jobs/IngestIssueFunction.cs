using GazetteNotify.Documents;
using GazetteNotify.Hosting;
using Azure.Storage.Blobs;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>A blob created in gazette-issues (Event Grid source: the only blob source on Flex Consumption) → IngestIssue.</summary>
public sealed partial class IngestIssueFunction(IngestIssue job, ILogger<IngestIssueFunction> logger)
{
    [Function(BackgroundFunctions.IngestIssue)]
    public async Task Run(
        [BlobTrigger(StorageNames.IssuesContainerName + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await job.RunAsync(name, cancellationToken);
        // Upload names and refusal reasons can quote an address: masked before they reach Application Insights.
        var (blobName, reason) = (Redaction.Redact(blob.Name) ?? name, Redaction.Redact(outcome.Reason));
        LogIngested(blobName, outcome.Status, outcome.IssueKey, reason, outcome.LossNote);
        // Another invocation holds the claim on these bytes: fail this one so the trigger retries after the lease.
        if (outcome.Status == IngestStatus.InProgress) throw new InvalidOperationException($"{name} is being ingested by another invocation; retrying");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IngestIssue {Blob}: {Status} {IssueKey} {Reason}{Loss}")]
    private partial void LogIngested(string blob, IngestStatus status, string? issueKey, string? reason, string loss);
}
