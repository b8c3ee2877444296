using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Subscriptions;

/// <summary>Why a document reaches a subscriber: the topics, keywords, issuers and doc-number prefixes it matched.</summary>
public sealed record DocumentMatch(
    IReadOnlyList<string> Topics, IReadOnlyList<string> Keywords, IReadOnlyList<string> Issuers, IReadOnlyList<string> DocNumberPrefixes)
{
    /// <summary>Followed documents this one cites (or amends).</summary>
    public IReadOnlyList<string> Cites { get; init; } = [];

    /// <summary>Followed documents this one repeals.</summary>
    public IReadOnlyList<string> Repeals { get; init; } = [];
}

/// <summary>
/// Does a document match a subscription? Topics by id; keywords as Chinese phrases in the title, summary or text;
/// an issuing body when the document's issuer contains it (医疗保障局 matches 聊城市医疗保障局); a prefix when the doc
/// number starts with it; a followed document when this one cites or repeals it. Pure.
/// </summary>
public static class SubscriptionMatcher
{
    public static DocumentMatch? Match(Preferences preferences, GazetteDocument document, string text)
    {
        var topics = preferences.Topics.Where(document.Topics.Contains).ToList();
        var keywords = preferences.Keywords.Where(k =>
            document.Title.Contains(k, StringComparison.OrdinalIgnoreCase)
            || document.Summary.Contains(k, StringComparison.OrdinalIgnoreCase)
            || text.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        var issuers = document.Issuer is { } issuer
            ? preferences.Issuers.Where(i => issuer.Contains(i, StringComparison.Ordinal)).ToList()
            : [];
        var prefixes = document.DocNumber is { } number
            ? preferences.DocNumberPrefixes.Where(p => number.StartsWith(p, StringComparison.Ordinal)).ToList()
            : [];
        var repeals = preferences.Follows.Where(document.Repeals.Contains).ToList();
        var cites = preferences.Follows.Where(f => document.References.Contains(f) && !repeals.Contains(f)).ToList();
        return topics.Count + keywords.Count + issuers.Count + prefixes.Count + cites.Count + repeals.Count == 0
            ? null
            : new DocumentMatch(topics, keywords, issuers, prefixes) { Cites = cites, Repeals = repeals };
    }
}
