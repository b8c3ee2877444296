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
public sealed class SubscriberRow : TableRow
{
    public SubscriptionStatus Status { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Topics { get => JsonColumn.Read(TopicsJson); set => TopicsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Topics")]
    public string? TopicsJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Keywords { get => JsonColumn.Read(KeywordsJson); set => KeywordsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Keywords")]
    public string? KeywordsJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Issuers { get => JsonColumn.Read(IssuersJson); set => IssuersJson = JsonColumn.Write(value); }

    [DataMember(Name = "Issuers")]
    public string? IssuersJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> DocNumberPrefixes { get => JsonColumn.Read(DocNumberPrefixesJson); set => DocNumberPrefixesJson = JsonColumn.Write(value); }

    [DataMember(Name = "DocNumberPrefixes")]
    public string? DocNumberPrefixesJson { get; set; }

    /// <summary>Doc numbers followed: later documents citing, amending or repealing them reach the subscriber.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Follows { get => JsonColumn.Read(FollowsJson); set => FollowsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Follows")]
    public string? FollowsJson { get; set; }

    public DigestFrequency Frequency { get; set; }

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
        Topics = s.Preferences.Topics,
        Keywords = s.Preferences.Keywords,
        Issuers = s.Preferences.Issuers,
        DocNumberPrefixes = s.Preferences.DocNumberPrefixes,
        Follows = s.Preferences.Follows,
        Frequency = s.Preferences.Frequency,
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
        new Preferences(Topics, Keywords, Issuers, DocNumberPrefixes, Frequency) { Follows = Follows },
        CreatedAt ?? DateTimeOffset.MinValue,
        ConfirmedAt,
        UnsubscribedAt,
        ConfirmationSentAt)
    {
        DigestedThrough = DigestedThrough,
        LastDigestAt = LastDigestAt,
    };
}
