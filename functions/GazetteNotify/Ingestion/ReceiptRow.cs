using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Ingestion;

/// <summary>
/// A row of the Receipts table (partition <c>receipts</c>, row = the upload's SHA-256): the claim a worker inserts
/// before ingesting those bytes, replaced by the outcome once they are done — so the same bytes are ingested once.
/// </summary>
[StoredIn("Receipts")]
public sealed class ReceiptRow : TableRow
{
    public const string Partition = "receipts";

    [IgnoreDataMember]
    public ReceiptStatus? Status { get => StoredName.Parse<ReceiptStatus>(StatusName); set => StatusName = value is { } s ? StoredName.Of(s) : null; }

    /// <summary>The stored column: ingesting or done.</summary>
    [DataMember(Name = "Status")]
    public string? StatusName { get; set; }

    /// <summary>The upload's name in gazette-issues (the latest name these bytes came under).</summary>
    public string? BlobName { get; set; }

    /// <summary>When the claim was taken: after <see cref="IngestIssue.ClaimLease"/> another worker may take it over.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The issue key the bytes became (or their rejected-… key).</summary>
    public string? IssueKey { get; set; }

    /// <summary>What the ingestion did, as <see cref="IngestStatus"/> names it (Ingested, Rejected…).</summary>
    public IngestStatus? Outcome { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Where a receipt stands: claimed by a worker ingesting the bytes, or done.</summary>
public enum ReceiptStatus
{
    Ingesting,
    Done,
}
