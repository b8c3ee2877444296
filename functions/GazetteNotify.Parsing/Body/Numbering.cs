using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// The heading hierarchy of a 公文: 第一章 › 一、 › （一） › 1. › （1） › ①, with 第N条 for articles.
/// A paragraph's leading number tells its level; the item token is written as the schema wants it (1, （三）, 第五条).
/// </summary>
internal static partial class Numbering
{
    public readonly record struct Token(int Level, string Item, int Length);

    public static Token? Read(string paragraph)
    {
        var m = Leading().Match(paragraph);
        if (!m.Success) return null;
        if (m.Groups["chapter"].Success) return new Token(0, m.Groups["chapter"].Value.Replace(" ", ""), m.Length);
        if (m.Groups["han"].Success) return new Token(1, m.Groups["han"].Value, m.Length);
        if (m.Groups["phan"].Success) return new Token(2, "（" + m.Groups["phan"].Value + "）", m.Length);
        if (m.Groups["article"].Success) return new Token(3, m.Groups["article"].Value.Replace(" ", ""), m.Length);
        if (m.Groups["decimal"].Success)
        {
            // 1.1 编制目的 / 8.3 预案实施时间: one level deeper per dot.
            var item = m.Groups["decimal"].Value;
            return new Token(3 + item.AsSpan().Count('.'), item, m.Length);
        }

        if (m.Groups["arabic"].Success) return new Token(3, m.Groups["arabic"].Value, m.Length);
        if (m.Groups["parabic"].Success) return new Token(4, "（" + m.Groups["parabic"].Value + "）", m.Length);
        if (m.Groups["circled"].Success) return new Token(5, m.Groups["circled"].Value, m.Length);
        return null;
    }

    /// <summary>True when a line starts a new numbered paragraph or a dated 大事记 entry (never joined to the line before).</summary>
    public static bool StartsBlock(string line) => Leading().IsMatch(line) || DiaryEntry().IsMatch(line) || line.StartsWith('△')
        || line.StartsWith("附件", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:(?<chapter>第\s*[一二三四五六七八九十百零〇\d]+\s*[章节编]|第\s*[一二三四五六七八九十百零〇\d]+\s*部分)|(?<article>第\s*[一二三四五六七八九十百零〇\d]+\s*条)|(?<han>[一二三四五六七八九十]{1,3})\s*[、.．]|[（(]\s*(?<phan>[一二三四五六七八九十]{1,3})\s*[）)]|(?<decimal>\d{1,2}(?:\.\d{1,2}){1,3})(?=\s)|(?<arabic>\d{1,3})\s*(?:[、．]|\.(?!\d))|[（(]\s*(?<parabic>\d{1,3})\s*[）)]|(?<circled>[①-⑳]))")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^\d{1,2}\s*日\s*(?:[—\-–至]\s*\d{1,2}\s*日)?\s*[，,、]|^\d{1,2}\s*[—\-–至]\s*\d{1,2}\s*日\s*[，,、]")]
    private static partial Regex DiaryEntry();
}
