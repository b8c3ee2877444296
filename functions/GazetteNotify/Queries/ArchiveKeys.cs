namespace GazetteNotify.Queries;

/// <summary>
/// The keys an archive URL may carry, checked before any storage call: an issue key as IssueKey makes them (2022-06,
/// doc-聊政办字〔2022〕22号: no / \ # ? nor control characters, at most 100 characters) and a document's ordinal (01).
/// </summary>
public static class ArchiveKeys
{
    public static bool IsIssueKey(string? key) =>
        key is { Length: > 0 and <= 100 } && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    public static bool IsDocKey(string? key) => key is { Length: >= 2 and <= 4 } && key.All(char.IsAsciiDigit);
}
