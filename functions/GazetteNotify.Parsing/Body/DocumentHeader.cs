using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// The head of a document (GB/T 9704): 版头, 发文字号, title (with the issuing organ in front, wrapped over lines),
/// 主送机关. Everything after it is the body.
/// </summary>
internal sealed record DocumentHeader(string? Masthead, string? HeaderTitle, string? Issuer, int BodyStart, string? Number = null)
{
    /// <summary>A document whose lines start with its body (its title known from elsewhere).</summary>
    public static readonly DocumentHeader Headless = new(null, null, null, 0);

    /// <summary>How many lines a header may take before we stop looking for its end.</summary>
    private const int MaxHeaderLines = 10;

    public static DocumentHeader Read(IReadOnlyList<string> lines, string? tocTitle)
    {
        string? masthead = null;
        var titleParts = new List<string>();
        var bodyStart = 0;
        string? number = null;
        var inAddressee = false;
        var limit = Math.Min(lines.Count, MaxHeaderLines + 4);
        for (var i = 0; i < limit; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (inAddressee)
            {
                bodyStart = i + 1;
                if (LineShapes.IsAddressee(line)) break;
                if (line.Length > 40 || line.Contains('。')) { bodyStart = i; break; }
                continue;
            }

            // 版头 (聊城市人民政府文件) or the organ's name, above everything else.
            if (masthead is null && titleParts.Count == 0 && number is null && (LineShapes.IsMastheadOfDocument(line) || LineShapes.IsOrgan(line)))
            {
                masthead = line;
                bodyStart = i + 1;
                continue;
            }

            if (number is null && DocNumber.TryParseWhole(Unbracketed(line)) is { } whole)
            {
                number = whole;
                bodyStart = i + 1;
                continue;
            }

            // A 题注 under the title ((2019年1月29日), 2019年1月29日市政府第5次常务会议通过) belongs to the header.
            if (titleParts.Count > 0 && IsTitleNote(line))
            {
                bodyStart = i + 1;
                continue;
            }

            if (LineShapes.IsAddressee(line))
            {
                bodyStart = i + 1;
                break;
            }

            if (LineShapes.StartsAddressee(line))
            {
                inAddressee = true;
                bodyStart = i + 1;
                continue;
            }

            // The title printed again in full (a web page's heading, then the document's own): the document's counts.
            if (titleParts.Count > 0 && line.Length <= 60 && SingleDocument.IsTitle(line) && SingleDocument.IsTitle(string.Concat(titleParts)))
            {
                titleParts.Clear();
                titleParts.Add(SingleDocument.TitleText(line));
                bodyStart = i + 1;
                continue;
            }

            // Title lines: short, no sentence punctuation; the header ends where prose begins, and a web page's
            // furniture (发布时间:…, 来源:…) is not part of it.
            if (line.Length <= 60 && !line.Contains('。') && titleParts.Count < 4 && !Numbering.StartsBlock(line) && !PageInfo.IsFieldLine(line)
                && !CompleteWithout(titleParts, line))
            {
                titleParts.Add(SingleDocument.TitleText(line));
                bodyStart = i + 1;
                continue;
            }

            break;
        }

        var headerTitle = titleParts.Count == 0 ? null : TextShape.CloseCjkGaps(string.Join(" ", titleParts));
        return new DocumentHeader(masthead, headerTitle, IssuerOf(headerTitle, tocTitle, masthead), bodyStart, number);
    }

    /// <summary>
    /// The title parts already read make a whole title and this line would not continue it (a web page's category
    /// line, a date under the title): the title ends before it.
    /// </summary>
    private static bool CompleteWithout(List<string> titleParts, string line)
    {
        if (titleParts.Count == 0) return false;
        var title = string.Concat(titleParts);
        return SingleDocument.IsTitle(title) && !SingleDocument.IsTitle(title + line);
    }

    /// <summary>(晋政发[2008]8号) → 晋政发[2008]8号: a number printed in brackets under the title.</summary>
    private static string Unbracketed(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 2 && trimmed[0] is '(' or '（' && trimmed[^1] is ')' or '）' ? trimmed[1..^1] : trimmed;
    }

    private static bool IsTitleNote(string line)
    {
        var inner = Unbracketed(line);
        return inner.Length < line.Trim().Length && (LineShapes.ParseDateLine(inner, out _) is not null || (inner.Contains("通过", StringComparison.Ordinal) && inner.Length <= 40));
    }

    /// <summary>
    /// The issuer is the organ printed before the title (聊城市人民政府办公室 关于印发…的通知), else the 版头 without 文件.
    /// </summary>
    private static string? IssuerOf(string? headerTitle, string? tocTitle, string? masthead)
    {
        if (headerTitle is not null)
        {
            var squashed = TextShape.Squash(headerTitle);
            var prefix = tocTitle is not null && squashed.EndsWith(TextShape.Squash(tocTitle), StringComparison.Ordinal)
                ? squashed[..^TextShape.Squash(tocTitle).Length]
                : PrefixBeforeSubject(squashed);
            if (prefix.Length >= 3 && LineShapes.IsOrgan(prefix)) return prefix;
            // The TOC title may itself open with the issuer (德州市财政局关于…的通知).
            var beforeSubject = PrefixBeforeSubject(squashed);
            if (beforeSubject.Length >= 3 && LineShapes.IsOrgan(beforeSubject)) return beforeSubject;
            // 聊城市人民政府大事记: the organ opens the title itself.
            var organ = LeadingOrgan(squashed);
            if (organ is not null) return organ;
        }

        if (masthead is not null)
        {
            var organ = masthead.EndsWith("文件", StringComparison.Ordinal) ? masthead[..^2].Trim() : masthead;
            if (LineShapes.IsOrgan(organ)) return TextShape.Squash(organ);
        }

        return null;
    }

    private static string PrefixBeforeSubject(string squashed)
    {
        foreach (var word in SubjectStarts)
        {
            var at = squashed.IndexOf(word, StringComparison.Ordinal);
            if (at > 0) return squashed[..at];
        }

        return "";
    }

    private static readonly string[] SubjectStarts = ["关于", "印发", "转发", "批转"];

    private static string? LeadingOrgan(string squashed)
    {
        foreach (var suffix in OrganEnds)
        {
            var at = squashed.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 2 && at + suffix.Length < squashed.Length)
            {
                var organ = squashed[..(at + suffix.Length)];
                if (LineShapes.IsOrgan(organ)) return organ;
            }
        }

        return null;
    }

    private static readonly string[] OrganEnds = ["人民政府办公室", "人民政府办公厅", "人民政府"];
}
