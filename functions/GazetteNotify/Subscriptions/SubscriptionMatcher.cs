using GazetteNotify.Documents;
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
    public static DocumentMatch? Match(Preferences preferences, GazetteDocument document, string text) =>
        Match(preferences, document, k => AlertDocument.Mentions(document, text, k));

    /// <summary>As above, with the keyword search supplied (the planner caches it: one scan per document and keyword).</summary>
    public static DocumentMatch? Match(Preferences preferences, GazetteDocument document, Func<string, bool> mentions)
    {
        // Most subscriber × document pairs do not match: find that out before allocating anything.
        if (!Any(preferences, document, mentions)) return null;
        var topics = Where(preferences.Topics, document.Topics.Contains);
        var keywords = Where(preferences.Keywords, mentions);
        var issuers = document.Issuer is { } issuer ? Where(preferences.Issuers, i => issuer.Contains(i, StringComparison.Ordinal)) : [];
        var prefixes = document.DocNumber is { } number ? Where(preferences.DocNumberPrefixes, p => number.StartsWith(p, StringComparison.Ordinal)) : [];
        var repeals = Where(preferences.Follows, document.Repeals.Contains);
        var cites = Where(preferences.Follows, f => document.References.Contains(f) && !repeals.Contains(f));
        return new DocumentMatch(topics, keywords, issuers, prefixes) { Cites = cites, Repeals = repeals };
    }

    private static bool Any(Preferences p, GazetteDocument document, Func<string, bool> mentions)
    {
        foreach (var t in p.Topics) if (document.Topics.Contains(t)) return true;
        foreach (var k in p.Keywords) if (mentions(k)) return true;
        if (document.Issuer is { } issuer) foreach (var i in p.Issuers) if (issuer.Contains(i, StringComparison.Ordinal)) return true;
        if (document.DocNumber is { } number) foreach (var x in p.DocNumberPrefixes) if (number.StartsWith(x, StringComparison.Ordinal)) return true;
        foreach (var f in p.Follows) if (document.Repeals.Contains(f) || document.References.Contains(f)) return true;
        return false;
    }

    private static IReadOnlyList<string> Where(IReadOnlyList<string> values, Func<string, bool> keep)
    {
        List<string>? kept = null;
        foreach (var v in values)
        {
            if (keep(v)) (kept ??= []).Add(v);
        }

        return kept is null ? Array.Empty<string>() : kept;
    }
}
