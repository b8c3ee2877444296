using GazetteNotify.Mail;
namespace GazetteNotify.Subscriptions;

/// <summary>
/// What one address asked for: topics, free keywords (Chinese phrases), issuing bodies, doc-number prefixes (聊政办字),
/// how often, and where it stands in double opt-in. Only the address and these preferences are kept (PIPL).
/// </summary>
public sealed record Subscription(
    EmailAddress Email,
    SubscriptionStatus Status,
    Preferences Preferences,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt = null,
    DateTimeOffset? UnsubscribedAt = null,
    DateTimeOffset? ConfirmationSentAt = null)
{
    /// <summary>Ingestion time of the newest issue this subscriber's digests have covered: the next one starts after it.</summary>
    public DateTimeOffset? DigestedThrough { get; init; }

    /// <summary>When the last digest went out (daily and weekly subscribers wait for their turn).</summary>
    public DateTimeOffset? LastDigestAt { get; init; }
}

public sealed record Preferences(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Issuers,
    IReadOnlyList<string> DocNumberPrefixes,
    DigestFrequency Frequency)
{
    public static Preferences Empty { get; } = new([], [], [], [], DigestFrequency.EachIssue);

    /// <summary>
    /// Documents followed by doc number (聊政办字〔2022〕22号): the subscriber hears when a later document cites, amends
    /// or repeals one of them (the parser's references and repeals).
    /// </summary>
    public IReadOnlyList<string> Follows { get; init; } = [];

    /// <summary>Nothing asked for: such a subscription would match nothing.</summary>
    public bool IsEmpty => Topics.Count == 0 && Keywords.Count == 0 && Issuers.Count == 0 && DocNumberPrefixes.Count == 0 && Follows.Count == 0;

    /// <summary>Trimmed, de-duplicated, blank entries dropped, at most 50 of each, each at most 50 characters.</summary>
    public Preferences Normalised() => this with
    {
        Topics = Clean(Topics),
        Keywords = Clean(Keywords),
        Issuers = Clean(Issuers),
        DocNumberPrefixes = Clean(DocNumberPrefixes),
        // Any bracket style in, 〔〕 out, so they compare with the parser's normalised numbers.
        Follows = Clean(Follows).Select(f => GazetteNotify.Parsing.References.DocNumber.TryParseWhole(f) ?? f).Distinct(StringComparer.Ordinal).ToList(),
    };

    private static List<string> Clean(IReadOnlyList<string> values) => values
        .Select(v => v.Trim())
        .Where(v => v.Length is > 0 and <= 50 && v.AsSpan().IndexOfAny('\r', '\n') < 0)
        .Distinct(StringComparer.Ordinal)
        .Take(50)
        .ToList();
}

public enum SubscriptionStatus
{
    Pending,
    Active,
    Unsubscribed,
}

public enum DigestFrequency
{
    /// <summary>After each new issue (the most frequent).</summary>
    EachIssue,
    Daily,
    Weekly,
}
