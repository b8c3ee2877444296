namespace GazetteNotify.Ingestion;

/// <summary>What one run of <see cref="IngestIssue"/> did with one upload.</summary>
public sealed record IngestOutcome(
    IngestStatus Status, string BlobName, string? IssueKey, string? Reason, int Documents, int Tasks, int Deadlines, int Warnings)
{
    public static IngestOutcome Of(IngestStatus status, string blobName, string? issueKey = null, string? reason = null) =>
        new(status, blobName, issueKey, reason, 0, 0, 0, 0);
}

public enum IngestStatus
{
    /// <summary>A new issue: its rows and blobs were written.</summary>
    Ingested,
    /// <summary>New bytes for an issue already stored: its rows were replaced, orphans removed.</summary>
    Replaced,
    /// <summary>These bytes were ingested before (under any name): nothing was written.</summary>
    Unchanged,
    /// <summary>Not a readable issue: kept, copied to quarantine, recorded with its reason.</summary>
    Rejected,
    /// <summary>Another trigger is ingesting the same bytes right now.</summary>
    InProgress,
    /// <summary>The blob is gone (deleted after the trigger fired).</summary>
    Missing,
}
