using GazetteNotify.Documents;
namespace GazetteNotify.Ingestion;

/// <summary>What one run of <see cref="IngestIssue"/> did with one upload.</summary>
public sealed record IngestOutcome(
    IngestStatus Status, string BlobName, string? IssueKey, string? Reason, int Documents, int Tasks, int Deadlines, int Warnings)
{
    public static IngestOutcome Of(IngestStatus status, string blobName, string? issueKey = null, string? reason = null) =>
        new(status, blobName, issueKey, reason, 0, 0, 0, 0);

    /// <summary>
    /// On <see cref="IngestStatus.Replaced"/>: what the version replaced had that this upload lacks — its documents
    /// (doc number, or title) found neither by number nor by title, and how many fewer tasks and deadlines. A
    /// correction may drop one; a truncated conversion drops many, and reminders with them; either way the admin is told.
    /// </summary>
    public Loss Lost { get; init; } = Loss.None;

    /// <summary>Where the replaced version's parse is kept (gazette-parsed), when there was one.</summary>
    public string? ReplacedVersion { get; init; }

    /// <summary>What an ingested or replaced issue holds, and any loss against the version it replaced: for one-line reports.</summary>
    public string Summary => $"{Status.ToString().ToLowerInvariant()} ({Documents} documents, {Tasks} tasks, {Deadlines} deadlines, {Warnings} warnings){LossNote}";

    /// <summary>What an admin must hear about a replacement, or nothing.</summary>
    public string LossNote => Lost.IsNone ? "" : $"; {Lost.Describe()} than the version it replaced (kept as {ReplacedVersion})";

    public sealed record Loss(IReadOnlyList<string> Documents, int Tasks, int Deadlines)
    {
        public static readonly Loss None = new([], 0, 0);

        public bool IsNone => Documents.Count == 0 && Tasks <= 0 && Deadlines <= 0;

        public string Describe()
        {
            var parts = new List<string>();
            if (Documents.Count > 0) parts.Add($"{Documents.Count} documents fewer ({string.Join("、", Documents.Take(5))}{(Documents.Count > 5 ? " …" : "")})");
            if (Tasks > 0) parts.Add($"{Tasks} tasks fewer");
            if (Deadlines > 0) parts.Add($"{Deadlines} deadlines fewer");
            return string.Join(", ", parts);
        }
    }
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
