namespace GazetteNotify.Search;

/// <summary>One result: the document's keys and names, and snippets of where the words stand.</summary>
public sealed record SearchHit(
    string IssueKey,
    string DocKey,
    IReadOnlyList<SnippetPart> Title,
    string? DocNumber,
    string? Issuer,
    DateOnly? SignedDate,
    string? Kind,
    bool InForce,
    IReadOnlyList<SnippetPart> Snippet);

/// <summary>A run of a snippet's text, marked when it is a word of the query: the page writes it as text, never as HTML.</summary>
public sealed record SnippetPart(string Text, bool Marked);

/// <summary>A page of results: the total, the page asked for, and its hits in rank order.</summary>
public sealed record SearchResults(int Total, int Page, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults None { get; } = new(0, 1, []);

    public int Pages => Math.Min(SearchQuery.MaxPage, (Total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
}
