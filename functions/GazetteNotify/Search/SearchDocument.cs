namespace GazetteNotify.Search;

/// <summary>
/// One stored document as the index takes it: the Documents row's fields, its text from text.txt, and whether a later
/// document of the archive repeals it. Keys are the document page's: issue key and the row's ordinal (01, 02…).
/// </summary>
public sealed record SearchDocument(
    string IssueKey,
    string DocKey,
    string Title,
    string? DocNumber,
    string? Issuer,
    DateOnly? SignedDate,
    string? Kind,
    IReadOnlyList<string> Topics,
    string? Summary,
    DateOnly? EffectiveUntil,
    bool Repealed,
    string Text);
