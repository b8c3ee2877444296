using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Documents;

/// <summary>A newly published document as alerts see it: the issue it came in, the document, and its text for keywords.</summary>
public sealed record AlertDocument(string IssueKey, string IssueName, GazetteDocument Document, string Text)
{
    /// <summary>Its Documents row key (01, 02…) when it is stored: with the issue key, the address of its public page.</summary>
    public string? DocKey { get; init; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _mentions = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a keyword is in the title, summary or text — searched once per document and keyword, however many
    /// subscribers (and planner calls) ask.
    /// </summary>
    public bool Mentions(string keyword) =>
        _mentions.GetOrAdd(keyword, static (k, d) => Mentions(d.Document, d.Text, k), this);

    /// <summary>True when the keyword is in the document's title, summary or text.</summary>
    public static bool Mentions(GazetteDocument document, string text, string keyword) =>
        document.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || document.Summary.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || text.Contains(keyword, StringComparison.OrdinalIgnoreCase);
}
