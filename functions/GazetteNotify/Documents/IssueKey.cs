using System.Globalization;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Documents;

/// <summary>
/// An upload's key: an issue's year and numbers (2022-06, or 2024-09-10 for a double issue); a single document's
/// 发文字号 (doc-聊政办字〔2022〕22号), so a corrected upload of it replaces it; otherwise one from the content.
/// </summary>
public static class IssueKey
{
    public static string? From(GazetteMasthead masthead)
    {
        if (masthead.Year is not (> 0 and var year) || masthead.IssueNumbers.Count == 0) return null;
        return year.ToString(CultureInfo.InvariantCulture) + string.Concat(
            masthead.IssueNumbers.Select(n => "-" + n.ToString("00", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// An upload that is not an issue of a gazette, holding one document: keyed by its 发文字号 when it has one (table
    /// keys allow no / \ # ? nor control characters; a number has none), else by its content.
    /// </summary>
    public static string Document(GazetteIssue issue, string contentSha256) =>
        issue.Documents is [{ DocNumber: { Length: > 0 and <= 60 } number }] && !number.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            ? "doc-" + string.Concat(number.Where(c => !char.IsWhiteSpace(c)))
            : "doc-" + contentSha256[..12];

    /// <summary>An upload whose cover names no issue still gets a stable key, from its content.</summary>
    public static string Fallback(string contentSha256) => "unnumbered-" + contentSha256[..12];

    /// <summary>A rejected upload is recorded under its content hash, so the same bad bytes are recorded once.</summary>
    public static string Rejected(string contentSha256) => "rejected-" + contentSha256[..16];
}
