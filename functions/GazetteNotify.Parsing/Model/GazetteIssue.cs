namespace GazetteNotify.Parsing.Model;

/// <summary>
/// One upload — an issue of a gazette, or a single government document (or a few pasted together) — read into
/// documents, tasks and deadlines (contracts/gazette-issue.schema.json).
/// </summary>
public sealed record GazetteIssue(
    GazetteMasthead Gazette,
    IReadOnlyList<GazetteDocument> Documents,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The text as uploaded when the parser read it in another script (a traditional-character copy, read as
    /// simplified); null otherwise. Everything else in the issue is in simplified characters.
    /// </summary>
    public OriginalText? Original { get; init; }
}

/// <summary>An upload's own text, kept when it was read in another script: its script and its lines as decoded.</summary>
public sealed record OriginalText(string Script, string Text);

/// <summary>
/// Title, year and numbering printed on the cover. An upload that is not an issue of a gazette (a single document)
/// has none: Title and Year null, no numbers.
/// </summary>
public sealed record GazetteMasthead(
    string? Title,
    int? Year,
    IReadOnlyList<int> IssueNumbers,
    IReadOnlyList<int> CumulativeNumbers)
{
    public static GazetteMasthead None { get; } = new(null, null, [], []);

    /// <summary>False for a single document (or documents) uploaded without a gazette's cover. Not part of the contract.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsIssue => Title is not null || Year is not null || IssueNumbers.Count > 0;
}
