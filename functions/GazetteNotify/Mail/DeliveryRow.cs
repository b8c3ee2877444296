using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// One mail to one recipient, in the Deliveries ledger: partition = the run (alerts-20261101080000000,
/// reminders-2026-03-02), row = the recipient's key (32 hex of the address' hash, never the address). Written before
/// the send (sending) and completed after (sent, uncertain, failed), so a rerun sends nobody twice; SendGrid's events
/// settle it later (sent, dropped). The rules are <see cref="DeliveryLedger"/>'s.
/// </summary>
[StoredIn("Deliveries")]
public sealed class DeliveryRow : TableRow
{
    [IgnoreDataMember]
    public DeliveryStatus? Status { get => StoredName.Parse<DeliveryStatus>(StatusName); set => StatusName = value is { } s ? StoredName.Of(s) : null; }

    /// <summary>The stored column: sending, sent, uncertain, failed or dropped.</summary>
    [DataMember(Name = "Status")]
    public string? StatusName { get; set; }

    /// <summary>How many times a worker has claimed it.</summary>
    public int? Attempts { get; set; }

    /// <summary>When the latest claim was taken: within <see cref="DeliveryLedger.SendingLease"/> no other worker sends it.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The provider's id for the message, when it gave one.</summary>
    public string? MessageId { get; set; }

    /// <summary>Why the send failed, addresses redacted.</summary>
    public string? Error { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// The SendGrid event that settled it (processed, delivered, deferred, bounce: the provider has it; dropped: it
    /// will not deliver it). Once set, the delivery is never sent again, whatever a late worker writes to Status.
    /// </summary>
    public string? SettledBy { get; set; }

    public DateTimeOffset? SettledAt { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by a worker: being sent, or the worker died (then, after the lease, `uncertain`).</summary>
    Sending,
    Sent,
    /// <summary>
    /// The provider may have it (a request without an answer, or a worker that died after the lease): SendGrid's events
    /// settle it; sent again only when none came within the uncertain window of its claim.
    /// </summary>
    Uncertain,
    /// <summary>Refused: tried again by a rerun or a redelivered batch.</summary>
    Failed,
    /// <summary>SendGrid's `dropped` event: it will not deliver this mail (suppressed, invalid address). Never sent again.</summary>
    Dropped,
}
