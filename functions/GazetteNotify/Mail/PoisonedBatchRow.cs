using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// A batch that failed every delivery attempt, in the PoisonedBatches table: partition <c>poisoned</c>, row = the
/// queue message's id (or 32 hex of its text's hash). What it was, how far it got, why, and whether an admin retried it.
/// </summary>
[StoredIn("PoisonedBatches")]
public sealed class PoisonedBatchRow : TableRow
{
    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>How many times the queue handed the message out.</summary>
    public long DequeueCount { get; set; }

    /// <summary>The queue message (the batch's payload reference), its first 1,000 characters: what a retry puts back.</summary>
    public string? Message { get; set; }

    /// <summary>The batch's run (its ledger partition); none when the message was not a readable batch.</summary>
    public string? Run { get; set; }

    public string? Subject { get; set; }

    public int? Recipients { get; set; }

    /// <summary>Recipients the ledger has as sent.</summary>
    public int? Sent { get; set; }

    /// <summary>Recipients the ledger has as failed.</summary>
    public int? Failed { get; set; }

    /// <summary>The last error the ledger recorded, or why the message is not a batch.</summary>
    public string? Error { get; set; }

    public DateTimeOffset? RetriedAt { get; set; }

    /// <summary>Who retried it (a key's fingerprint or the CLI's user).</summary>
    public string? RetriedBy { get; set; }
}
