using System.Globalization;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Toc;

/// <summary>
/// Reads the issue's 目录: section headings (◎ 市政府文件), titles that wrap over several lines, doc numbers on the
/// title's line or the next one, and page numbers with or without dotted leaders (….. 12). The TOC ends where the
/// body begins: a 版头 (…文件) or a bare doc number with no title pending, an addressee line, or a run of lines that
/// never reaches a page number.
/// </summary>
internal static partial class TocParser
{
    /// <summary>A wrapped TOC title rarely takes more than three lines; more means we have walked into the body.</summary>
    private const int MaxPendingLines = 4;

    public static TableOfContents Parse(IReadOnlyList<string> lines)
    {
        var heading = FindHeading(lines);
        if (heading < 0) return TableOfContents.None;

        var entries = new List<TocEntry>();
        var section = "";
        var pending = new List<string>();
        var lastConsumed = heading;
        var i = heading + 1;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;

            // Page furniture on a TOC page: the running header, a decorated page number (— 1 —); and the header row of
            // a TOC that a converter turned into a table (标题 | 文号 | 页码).
            if (RunningHeader().IsMatch(line) || DecoratedPage().IsMatch(line) || pending.Count == 0 && PageOnly().IsMatch(line)
                || TableHeader().IsMatch(line))
            {
                continue;
            }

            if (SectionMark().Match(line) is { Success: true } sectionMatch)
            {
                if (pending.Count > 0 && !FlushWithoutPage(pending, section, entries)) break;
                section = TextShape.CloseCjkGaps(sectionMatch.Groups["name"].Value.Trim());
                lastConsumed = i;
                continue;
            }

            if (pending.Count == 0 && IsPlainSection(lines, i))
            {
                section = TextShape.CloseCjkGaps(line);
                lastConsumed = i;
                continue;
            }

            var paged = PageSuffix().Match(line);
            if (paged.Success)
            {
                pending.Add(paged.Groups["text"].Value);
                entries.Add(MakeEntry(pending, section, ParsePage(paged.Groups["page"].Value)));
                pending.Clear();
                lastConsumed = i;
                continue;
            }

            if (IsBodyStart(lines, i, pending.Count))
            {
                break;
            }

            var bareNumber = DocNumber.TryParseWhole(line);
            if (bareNumber is not null && pending.Count > 0 && !NextIsPageOnly(lines, i))
            {
                // A TOC without page numbers: the doc number closes the entry.
                pending.Add(line);
                entries.Add(MakeEntry(pending, section, null));
                pending.Clear();
                lastConsumed = i;
                continue;
            }

            if (PageOnly().IsMatch(line) && pending.Count > 0)
            {
                entries.Add(MakeEntry(pending, section, ParsePage(line)));
                pending.Clear();
                lastConsumed = i;
                continue;
            }

            pending.Add(line);
            if (pending.Count > MaxPendingLines) break;
        }

        return entries.Count == 0
            ? TableOfContents.None with { HeadingLine = heading, BodyStartLine = heading + 1 }
            : new TableOfContents(entries, heading, lastConsumed + 1);
    }

    /// <summary>The first line that reads 目录 (spaces allowed: 目 录). Documents may have their own 目录 later; the issue's comes first.</summary>
    private static int FindHeading(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length is > 0 and <= 12 && TocHeading().IsMatch(line)) return i;
        }

        return -1;
    }

    private static bool FlushWithoutPage(List<string> pending, string section, List<TocEntry> entries)
    {
        // Titles pending before a new section with no page: only keep them if they carried a doc number.
        var joined = string.Concat(pending);
        pending.Clear();
        if (!DocNumber.ContainsAny(joined)) return entries.Count > 0;
        entries.Add(MakeEntry([joined], section, null));
        return true;
    }

    private static bool IsBodyStart(IReadOnlyList<string> lines, int i, int pendingCount)
    {
        var line = lines[i];
        if (AddresseeLine().IsMatch(line)) return true;
        if (pendingCount == 0 && DocNumber.TryParseWhole(line) is not null)
        {
            // Some TOCs print the number above its title; the body prints it under a 版头.
            var next = NextNonBlank(lines, i);
            return next < 0 || !PageSuffix().IsMatch(lines[next]);
        }
        // 版头: "聊城市人民政府文件" followed by the doc number.
        if (line.Length <= 24 && line.EndsWith("文件", StringComparison.Ordinal)) return IsMastheadAboveNumber(lines, i);

        return false;
    }

    /// <summary>A section heading printed without a mark: 市政府文件 / 部门文件 / 政务动态 / 人事任免, never with a page.</summary>
    private static bool IsPlainSection(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i];
        if (line.Length is < 4 or > 12 || !PlainSection().IsMatch(line)) return false;
        return !IsMastheadAboveNumber(lines, i);
    }

    /// <summary>
    /// 版头 over a bare doc number starts the body; in a TOC that prints numbers above titles the same two lines are
    /// followed by a title with its page.
    /// </summary>
    private static bool IsMastheadAboveNumber(IReadOnlyList<string> lines, int i)
    {
        var next = NextNonBlank(lines, i);
        if (next < 0 || DocNumber.TryParseWhole(lines[next]) is null) return false;
        var after = NextNonBlank(lines, next);
        return after < 0 || !PageSuffix().IsMatch(lines[after]);
    }

    private static bool NextIsPageOnly(IReadOnlyList<string> lines, int i)
    {
        var next = NextNonBlank(lines, i);
        return next >= 0 && PageOnly().IsMatch(lines[next]);
    }

    private static int NextNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0) return j;
        }

        return -1;
    }

    private static TocEntry MakeEntry(List<string> parts, string section, int? page)
    {
        // The doc number is looked for line by line: joined to a wrapped title it would read as part of it.
        string? docNumber = null;
        var title = "";
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (docNumber is null)
            {
                foreach (var found in DocNumber.FindAll(part))
                {
                    docNumber = found.Normalised;
                    part = string.Concat(part.AsSpan(0, found.Index), " ", part.AsSpan(found.Index + found.Length)).Trim();
                    break;
                }
            }

            title = TextShape.JoinWrapped(title, part);
        }

        title = TextShape.CloseCjkGaps(EmptyBrackets().Replace(title, " ")).Trim(TitleTrim);
        return new TocEntry(section, title, docNumber, page);
    }

    private static int? ParsePage(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : null;

    private static readonly char[] TitleTrim = [' ', '\t', '.', '…', '·', '—', '-', '_', ',', '，'];

    [GeneratedRegex(@"^(?:本期)?目\s*次?\s*录$|^目\s*次$|^(?i:contents)$")]
    private static partial Regex TocHeading();

    /// <summary>A section heading: ◎ 市政府文件, ● 部门文件, 【政务动态】, ■ …</summary>
    [GeneratedRegex(@"^(?:[◎●○■□◆◇★☆▲△▶►※]+\s*(?<name>\S.{0,20})|【(?<name>[^】]{2,20})】)$")]
    private static partial Regex SectionMark();

    /// <summary>An entry line ending in a page number, after whitespace or dotted leaders.</summary>
    [GeneratedRegex(@"^(?<text>.*?)(?:\s*[.…·．。•_\-—]{2,}\s*|\s+)(?<page>\d{1,4})$")]
    private static partial Regex PageSuffix();

    [GeneratedRegex(@"^[.…·．。•_\-—\s]*\d{1,4}$")]
    private static partial Regex PageOnly();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\s]{2,28}(?:公报|政报)\s*(?:(?:19|20)\d\d\s*年?)?\s*(?:第\s*\d{1,3}(?:\s*[-－—~]\s*\d{1,3})?\s*期)?\s*(?:[（(]总第[\d\-－—~]+期[）)])?$")]
    private static partial Regex RunningHeader();

    [GeneratedRegex(@"^[\-—–·•]+\s*\d{1,4}\s*[\-—–·•]+$")]
    private static partial Regex DecoratedPage();

    [GeneratedRegex(@"^(?:(?:序号|标题|题目|题名|文件名称|名称|文号|发文字号|发文机关|页码|页次|页)\s*\t\s*)+(?:序号|标题|题目|题名|文件名称|名称|文号|发文字号|发文机关|页码|页次|页)$")]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"[（(]\s*[）)]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}、]{2,10}(文件|动态|任免|解读|公告|通告|信息|其他|专栏|法规|规章)$")]
    private static partial Regex PlainSection();

    [GeneratedRegex(@"^各.{2,60}[：:]$")]
    private static partial Regex AddresseeLine();
}
