using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// The head of a document (GB/T 9704): 版头, 发文字号, title (with the issuing organ in front, wrapped over lines),
/// 主送机关. Everything after it is the body.
/// </summary>
internal sealed record DocumentHeader(string? Masthead, string? HeaderTitle, string? Issuer, int BodyStart)
{
    /// <summary>How many lines a header may take before we stop looking for its end.</summary>
    private const int MaxHeaderLines = 10;

    public static DocumentHeader Read(IReadOnlyList<string> lines, string? tocTitle)
    {
        string? masthead = null;
        var titleParts = new List<string>();
        var bodyStart = 0;
        var sawNumber = false;
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
            if (masthead is null && titleParts.Count == 0 && !sawNumber && (LineShapes.IsMastheadOfDocument(line) || LineShapes.IsOrgan(line)))
            {
                masthead = line;
                bodyStart = i + 1;
                continue;
            }

            if (!sawNumber && DocNumber.TryParseWhole(line) is not null)
            {
                sawNumber = true;
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

            // Title lines: short, no sentence punctuation; the header ends where prose begins.
            if (line.Length <= 60 && !line.Contains('。') && titleParts.Count < 4 && !Numbering.StartsBlock(line))
            {
                titleParts.Add(line);
                bodyStart = i + 1;
                continue;
            }

            break;
        }

        var headerTitle = titleParts.Count == 0 ? null : TextShape.CloseCjkGaps(string.Join(" ", titleParts));
        return new DocumentHeader(masthead, headerTitle, IssuerOf(headerTitle, tocTitle, masthead), bodyStart);
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
