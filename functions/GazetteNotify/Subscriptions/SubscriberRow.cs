using System.Runtime.Serialization;
using GazetteNotify.Mail;
using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// A row of the Subscribers table: partition = 2 hex of SHA-256(address), row = the normalised address. The
/// subscription and where it stands in double opt-in; its status and frequency are stored by their enum names (Active,
/// Daily), as they always were.
/// </summary>
[StoredIn("Subscribers")]
public sealed class SubscriberRow : PreferencesRow
{
    public SubscriptionStatus Status { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>When the last confirmation or manage-link mail went (at most one per 10 minutes).</summary>
    public DateTimeOffset? ConfirmationSentAt { get; set; }

    /// <summary>Ingestion time of the newest issue the subscriber's digests have covered.</summary>
    public DateTimeOffset? DigestedThrough { get; set; }

    public DateTimeOffset? LastDigestAt { get; set; }

    public static SubscriberRow From(Subscription s) => new()
    {
        PartitionKey = SubscriberStore.PartitionOf(s.Email),
        RowKey = s.Email.Value,
        Status = s.Status,
        Preferences = s.Preferences,
        CreatedAt = s.CreatedAt,
        ConfirmedAt = s.ConfirmedAt,
        UnsubscribedAt = s.UnsubscribedAt,
        ConfirmationSentAt = s.ConfirmationSentAt,
        DigestedThrough = s.DigestedThrough,
        LastDigestAt = s.LastDigestAt,
    };

    public Subscription ToSubscription() => new(
        EmailAddress.Parse(RowKey),
        Status,
        Preferences,
        CreatedAt ?? DateTimeOffset.MinValue,
        ConfirmedAt,
        UnsubscribedAt,
        ConfirmationSentAt)
    {
        DigestedThrough = DigestedThrough,
        LastDigestAt = LastDigestAt,
    };
}
