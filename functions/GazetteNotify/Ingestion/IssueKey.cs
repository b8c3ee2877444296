using System.Globalization;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Ingestion;

/// <summary>An issue's key: its year and issue numbers, 2022-06 or 2024-09-10 for a double issue.</summary>
public static class IssueKey
{
    public static string? From(GazetteMasthead masthead)
    {
        if (masthead.Year <= 0 || masthead.IssueNumbers.Count == 0) return null;
        return masthead.Year.ToString(CultureInfo.InvariantCulture) + string.Concat(
            masthead.IssueNumbers.Select(n => "-" + n.ToString("00", CultureInfo.InvariantCulture)));
    }

    /// <summary>An upload whose cover names no issue still gets a stable key, from its content.</summary>
    public static string Fallback(string contentSha256) => "unnumbered-" + contentSha256[..12];

    /// <summary>A rejected upload is recorded under its content hash, so the same bad bytes are recorded once.</summary>
    public static string Rejected(string contentSha256) => "rejected-" + contentSha256[..16];
}
