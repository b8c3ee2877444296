using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Genre;

/// <summary>
/// The genre (文种) of a government document from its title. GB/T 9704 titles end with the document type
/// (…的意见, …的通知, …实施方案); a 印发/转发/批转 notice carries another document, whose genre is what the reader
/// cares about. Compound genres that name a distinct document type are kept (实施方案, 实施意见, 实施细则, 工作方案,
/// 行动计划); qualified forms of a base genre are reduced to it (管理办法 → 办法, 应急预案 → 预案, 若干意见 → 意见).
/// </summary>
public static partial class GenreClassifier
{
    /// <summary>Genre words, longest first so that a compound wins over the base word it ends with.</summary>
    private static readonly string[] Genres =
    [
        // Compounds that are document types of their own.
        "实施方案", "实施意见", "实施细则", "工作方案", "行动计划",
        "大事记",
        // Base genres (公文 文种 and common normative-document names).
        "意见", "通知", "通报", "决定", "决议", "批复", "公告", "通告", "报告", "公报", "纪要", "命令",
        "方案", "办法", "细则", "规定", "规划", "预案", "计划", "要点", "规则", "制度", "条例", "纲要",
        "标准", "清单", "指引", "指南", "措施", "准则", "守则", "章程", "名单",
        "函",
    ];

    /// <summary>
    /// 关于印发X的通知, 印发X的通知, 关于转发X的通知, 批转/下发 likewise; an issuer may precede 关于. X is greedy so that
    /// 转发《…的通知》的通知 keeps the inner 的通知.
    /// </summary>
    [GeneratedRegex(@"^(?:[^《〈]*?关于)?(?:印发|转发|批转|下发)(?<x>.+)的(?:通知|函)$")]
    private static partial Regex Carrier();

    /// <summary>关于发布/公布/颁布《X》的通知: only with book-title marks, since 关于公布…名单的通知 is itself the notice.</summary>
    [GeneratedRegex(@"^(?:[^《〈]*?关于)?(?:发布|公布|颁布)(?<x>[《〈].+[》〉])的(?:通知|公告|通告)$")]
    private static partial Regex Publisher();

    /// <summary>Personnel decisions: 关于任免…的通知, 市政府任免工作人员, 关于任命/免去/聘任…, …同志任职的通知.</summary>
    [GeneratedRegex(@"任免|^(?:[^《〈]*?关于)?(?:任命|免去|聘任|聘用|解聘|免职)|(?:同志|人员)(?:任职|免职|职务)")]
    private static partial Regex Personnel();

    /// <summary>Trailing parenthesised qualifiers: （2019—2021年）, (试行), （暂行）, （修订）, （征求意见稿）, 〔2022〕.</summary>
    [GeneratedRegex(@"(?:[（(〔\[【][^（）()〔〕\[\]【】]{0,24}[）)〕\]】])+$")]
    private static partial Regex TrailingQualifier();

    /// <summary>The genre of the document a TOC title names and, for carrier notices, the carried document's title.</summary>
    public static (string? Kind, string? AttachmentTitle) Classify(string title)
    {
        if (string.IsNullOrWhiteSpace(title)) return (null, null);
        var t = Compact(title);
        if (t.Length == 0) return (null, null);

        var carried = Carrier().Match(t);
        if (!carried.Success) carried = Publisher().Match(t);
        if (carried.Success)
        {
            var x = StripBookMarks(carried.Groups["x"].Value);
            if (x.Length > 0)
            {
                return (GenreOf(x), x);
            }
        }

        if (t.Contains("大事记", StringComparison.Ordinal)) return ("大事记", null);
        if (Personnel().IsMatch(t)) return ("任免", null);
        return (GenreOf(t), null);
    }

    /// <summary>The genre word the title ends with, qualifiers in trailing brackets ignored; null when none.</summary>
    internal static string? GenreOf(string title)
    {
        var core = title.AsSpan().TrimEnd();
        // Drop a closing book-title mark left at the end (…办法》) and any trailing qualifiers.
        while (core.Length > 0 && core[^1] is '》' or '〉' or '”' or '"' or '。') core = core[..^1];
        foreach (var q in TrailingQualifier().EnumerateMatches(core))
        {
            if (q.Index > 0) core = core[..q.Index];
            break;
        }

        while (core.Length > 0 && core[^1] is '》' or '〉') core = core[..^1];

        foreach (var g in Genres)
        {
            if (core.EndsWith(g, StringComparison.Ordinal)) return g;
        }

        return null;
    }

    /// <summary>Removes every whitespace run except one space between two Latin letters/digits (PDF line wraps).</summary>
    private static string Compact(string s)
    {
        var hasSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { hasSpace = true; break; }
        }

        if (!hasSpace) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                sb.Append(s[i]);
                continue;
            }

            var j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (sb.Length > 0 && j < s.Length && TextShape.IsLatinWordChar(sb[^1]) && TextShape.IsLatinWordChar(s[j]))
            {
                sb.Append(' ');
            }

            i = j - 1;
        }

        return sb.ToString();
    }

    private static string StripBookMarks(string x)
    {
        if (x.AsSpan().IndexOfAny("《》〈〉") < 0) return x;
        var sb = new StringBuilder(x.Length);
        foreach (var c in x)
        {
            if (c is not ('《' or '》' or '〈' or '〉')) sb.Append(c);
        }

        return sb.ToString();
    }
}
