using System.Globalization;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Masthead;

/// <summary>
/// The cover and colophon: 聊城市人民政府公报 · 2022年第6期 · (总第231期). Covers also print the year and the issue
/// number on separate lines (2022 / 第6期（总第231期）), and double issues as 第9-10期 (总第258-259期).
/// </summary>
internal static partial class MastheadParser
{
    /// <summary>How far into the issue the masthead may reach: the cover and colophon are always before the TOC.</summary>
    private const int SearchLines = 80;

    public static GazetteMasthead Parse(IReadOnlyList<string> lines, int tocLine, List<string> warnings)
    {
        var limit = Math.Min(lines.Count, tocLine >= 0 ? Math.Max(tocLine, 1) : SearchLines);
        string? title = null;
        int? year = null;
        IReadOnlyList<int>? issueNumbers = null;
        IReadOnlyList<int>? cumulative = null;

        for (var i = 0; i < limit; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;

            if (title is null && line.Length <= 48 && TitleLine().Match(line) is { Success: true } named)
            {
                title = TextShape.CloseCjkGaps(named.Groups["title"].Value);
            }

            var issue = IssueNumber().Match(line);
            if (issue.Success)
            {
                // 2022年第6期 carries the year; a bare 第6期 takes the year from a line just above (2022).
                if (issue.Groups["year"].Success)
                {
                    year ??= ChineseNumerals.Parse(issue.Groups["year"].ValueSpan);
                }
                else if (year is null)
                {
                    year = YearAbove(lines, i);
                }

                issueNumbers ??= Range(issue.Groups["from"].Value, issue.Groups["to"]);
            }

            var total = Cumulative().Match(line);
            if (total.Success)
            {
                cumulative ??= Range(total.Groups["from"].Value, total.Groups["to"]);
            }
        }

        if (title is null)
        {
            warnings.Add("no masthead title (…公报) found on the cover");
        }

        if (issueNumbers is null)
        {
            warnings.Add("no issue number (第N期) found on the cover");
        }

        return new GazetteMasthead(title ?? "", year ?? 0, issueNumbers ?? [], cumulative ?? []);
    }

    private static int? YearAbove(IReadOnlyList<string> lines, int index)
    {
        for (var j = index - 1; j >= 0 && j >= index - 4; j--)
        {
            var m = BareYear().Match(lines[j]);
            if (m.Success) return ParseInt(m.Groups["year"].Value);
        }

        return null;
    }

    private static int[] Range(string fromText, Group to)
    {
        var from = ChineseNumerals.Parse(fromText) ?? 0;
        if (!to.Success) return [from];
        var last = ChineseNumerals.Parse(to.Value) ?? from;
        // A double (or triple) issue: 第9-10期 → [9, 10]. Anything wider is a typo; keep both ends only.
        if (last <= from || last - from > 3) return last == from ? [from] : [from, last];
        var result = new int[last - from + 1];
        for (var k = 0; k < result.Length; k++) result[k] = from + k;
        return result;
    }

    private static int ParseInt(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>
    /// A title line: a short line ending in 公报 or 政报 (X市人民政府公报, X省人民政府公报, X区人民政府公报, 浙江政报), alone or
    /// with the issue after it on the same line (杭州市人民政府公报 2023年第5期).
    /// </summary>
    [GeneratedRegex(@"^(?<title>[\p{IsCJKUnifiedIdeographs}\s]{2,28}(?:公报|政报))(?:\s*[·•]?\s*(?:(?:19|20)\d\d\s*年)?\s*第.{1,20})?$")]
    private static partial Regex TitleLine();

    /// <summary>
    /// 2022年第6期, 第9-10期, 第六期; or 2023年第5号 (gazettes that number issues as 号) — only with its year, since a bare
    /// 第12号 is a 政府令's number.
    /// </summary>
    [GeneratedRegex(@"(?:(?<year>(?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年?\s*)?(?<!总\s*)第\s*(?<from>[0-9一二三四五六七八九十]{1,4})\s*(?:[-－—–~～至、,，]\s*(?<to>[0-9一二三四五六七八九十]{1,4})\s*)?(?:期|(?<=(?:19|20)\d\d\s*年\s*第[^号]{1,12})号)")]
    private static partial Regex IssueNumber();

    /// <summary>(总第231期), 总第789号.</summary>
    [GeneratedRegex(@"总\s*第\s*(?<from>\d{1,5})\s*(?:[-－—–~～至、,，]\s*(?<to>\d{1,5})\s*)?[期号]")]
    private static partial Regex Cumulative();

    [GeneratedRegex(@"^(?<year>(?:19|20)\d\d)\s*年?$")]
    private static partial Regex BareYear();
}
