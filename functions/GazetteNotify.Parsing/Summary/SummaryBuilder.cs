using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Summary;

/// <summary>
/// An extractive summary in the document's own words. A GB/T 9704 document states its purpose first (为…，制定本办法 /
/// 提出如下意见 / 现就…通知如下) and then its structure in top-level headings (一、… or 第一章 …); those two say what
/// the document is about. A 大事记 is summarised by its first two dated entries, a 任免 notice by its decisions.
/// </summary>
public static partial class SummaryBuilder
{
    /// <summary>Target length in characters; the summary may end with "…" past it.</summary>
    public const int Cap = 300;

    /// <summary>How many leading paragraphs may hold the purpose sentence (title, addressee, 第一章 总则 come first).</summary>
    private const int PurposeWindow = 10;

    private const string Numeral = "[一二三四五六七八九十百零〇]+";

    [GeneratedRegex(@"^\s*第\s*(?<n>" + Numeral + @")\s*章\s*(?<t>.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^\s*第\s*" + Numeral + @"\s*条")]
    private static partial Regex Article();

    /// <summary>一、… but not 一、二季度 (a numeral right after 、 is a range of numbers, not a heading).</summary>
    [GeneratedRegex(@"^\s*(?<n>[一二三四五六七八九十]+)\s*[、．.]\s*(?![一二三四五六七八九十])(?<t>.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\s*[（(]\s*(?<n>[一二三四五六七八九十]+)\s*[）)]\s*(?<t>.*)$")]
    private static partial Regex Parenthesised();

    /// <summary>
    /// 1. 总则 as a heading (预案 outlines): short, no sentence punctuation; 1.1 is a sub-heading, and one run into the
    /// heading (3. 监测、预警与信息报告3.1 监测) ends it.
    /// </summary>
    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\s*[.．、]\s*(?![\d.．])(?<t>[^。；;，,：:]{2,40}?)\s*(?:(?<!\d)\d{1,2}[.．]\d.*)?$")]
    private static partial Regex ArabicHeading();

    /// <summary>A 大事记 entry: 4日，… / 2日-3日，… / △… (another event on the same day).</summary>
    [GeneratedRegex(@"^\s*(?:(?:\d{1,2}|[一二三]?十?[一二三四五六七八九十])\s*日(?:\s*[-—–－~～至]+\s*(?:\d{1,2}|[一二三]?十?[一二三四五六七八九十])\s*日)?\s*[，,、：:\s]|[△▲])")]
    private static partial Regex DayEntry();

    [GeneratedRegex(@"^\s*(?:\d{1,2}|[一二三]?十?[一二三四五六七八九十])\s*日")]
    private static partial Regex DatedEntry();

    /// <summary>市人民政府决定，任命： / 经研究，决定免去… / a line opening with 任命： or 任命张三为… / 免去李四的….</summary>
    [GeneratedRegex(@"(?:决定|研究)\s*[，,：:]?\s*(?:任命|免去|聘任|聘用|解聘|任免)|^\s*(?:任命|免去|聘任|聘用|解聘)(?:\s*[：:]|[^，。；：]{1,12}?[为的])")]
    private static partial Regex Decision();

    /// <summary>德州市人民政府决定： standing alone before the appointment lines.</summary>
    [GeneratedRegex(@"决定\s*(?:如下)?\s*[：:]\s*$")]
    private static partial Regex DecisionLead();

    [GeneratedRegex(@"任命|免去|聘任|聘用|解聘|职务|为.{2,}")]
    private static partial Regex PersonnelLine();

    /// <summary>A signature date line (2019年8月23日) ends the decisions.</summary>
    [GeneratedRegex(@"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")]
    private static partial Regex DateLine();

    /// <summary>Words that mark a purpose or an opening sentence even when it does not start with 为.</summary>
    [GeneratedRegex(@"制定本|制订本|编制本|特制定|特制订|提出以下|提出若干|如下[：:。]|现就|特作如下|现将")]
    private static partial Regex PurposeMarker();

    [GeneratedRegex(@"^\s*第\s*" + Numeral + @"\s*条\s*")]
    private static partial Regex ArticlePrefix();

    /// <summary>Numbering of a sub-heading: 1.1, 2.3.1, （一）, 1、.</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,2}(?:[.．]\d{1,2})+|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])\s*")]
    private static partial Regex SubNumbering();

    /// <summary>主送机关: 各县（市、区）人民政府，市属开发区管委会，市政府有关部门：— a list of organs closed by a colon.</summary>
    [GeneratedRegex(@"^(?![^。]*(?:决定|如下|以下))\s*(?:各|[^。为]{0,40}(?:人民政府|管委会|委员会|部门|机构|单位|厅|局))[^。]{0,150}[：:]\s*$")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"[（(]\s*(?:上接|下转)第\s*\d+\s*页\s*[）)]")]
    private static partial Regex PageMarker();

    private static readonly System.Buffers.SearchValues<char> AnyPunctuation = System.Buffers.SearchValues.Create("。，；：,;:！？");
    private static readonly System.Buffers.SearchValues<char> SentenceEnd = System.Buffers.SearchValues.Create("。！？!?：:");
    private static readonly System.Buffers.SearchValues<char> HeadingEnd = System.Buffers.SearchValues.Create("。：:；;！？");
    private static readonly System.Buffers.SearchValues<char> CutPoint = System.Buffers.SearchValues.Create("，、；,;。");
    private static readonly System.Buffers.SearchValues<char> Spacing = System.Buffers.SearchValues.Create(" \u3000\t\r\n");

    private enum Level
    {
        None,
        Chapter,
        Numbered,
        Parenthesised,
        Arabic,
    }

    /// <summary>The summary of a document body given as rejoined paragraphs; empty only when there is no text.</summary>
    public static string Build(IReadOnlyList<string> paragraphs)
    {
        if (paragraphs is null || paragraphs.Count == 0) return "";
        var firstText = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(paragraphs[i])) { firstText = i; break; }
        }

        if (firstText < 0) return "";

        var chronicle = Chronicle(paragraphs);
        if (chronicle is not null) return chronicle;

        var personnel = Personnel(paragraphs);
        if (personnel is not null) return personnel;

        var headings = Headings(paragraphs, out var firstHeading);
        var purpose = Purpose(paragraphs, firstHeading);
        for (var i = firstText; purpose.Length == 0 && headings.Count == 0 && i < paragraphs.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(paragraphs[i])) purpose = Clean(paragraphs[i]);
        }

        return Compose(purpose, headings);
    }

    // ---- purpose ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The first sentence that starts with 为 or carries a purpose marker, among the first body paragraphs (titles, the
    /// addressee, headings and outline lines do not count; 第一条 为… is searched). Failing that, the first body sentence
    /// before the first top-level heading.
    /// </summary>
    private static string Purpose(IReadOnlyList<string> paragraphs, int firstHeading)
    {
        string? fallback = null;
        var bodies = 0;
        for (var i = 0; i < paragraphs.Count && bodies < PurposeWindow; i++)
        {
            var p = paragraphs[i];
            if (string.IsNullOrWhiteSpace(p) || !IsBody(p)) continue;
            bodies++;
            var beforeHeadings = firstHeading < 0 || i < firstHeading;

            var body = ArticlePrefix().Match(p) is { Success: true } a ? p.AsSpan(a.Length) : p.AsSpan();
            var pos = 0;
            while (pos < body.Length)
            {
                var len = SentenceLength(body[pos..]);
                var sentence = body.Slice(pos, len).Trim();
                pos += len;
                if (sentence.Length < 4) continue;
                if (sentence[0] == '为') return Clean(sentence.ToString());
                if (PurposeMarker().IsMatch(sentence)) return Clean(AfterRunInHeading(sentence).ToString());
                if (beforeHeadings) fallback ??= Clean(sentence.ToString());
            }
        }

        return fallback ?? "";
    }

    /// <summary>
    /// A sub-heading run into its paragraph (1.1 编制目的为有效预防…): the sentence proper starts at a 为 within the first
    /// few characters when only numbering and unpunctuated words precede it.
    /// </summary>
    private static ReadOnlySpan<char> AfterRunInHeading(ReadOnlySpan<char> sentence)
    {
        if (sentence[0] == '为') return sentence;
        var numbering = SubNumbering().Match(sentence.ToString());
        if (!numbering.Success) return sentence;
        var rest = sentence[numbering.Length..];
        var wei = rest[..Math.Min(rest.Length, 12)].IndexOf('为');
        if (wei <= 0 || rest[..wei].IndexOfAny(AnyPunctuation) >= 0) return sentence;
        return rest[wei..];
    }

    /// <summary>Body text, not a title (no punctuation at all) nor an addressee line (各县…人民政府，…：).</summary>
    private static bool IsBody(string p)
    {
        var s = p.AsSpan().Trim();
        if (s.IndexOfAny(AnyPunctuation) < 0) return false;
        return !Addressee().IsMatch(p);
    }

    /// <summary>Up to and including the first 。！？ or colon (a colon ends 提出以下意见：).</summary>
    private static int SentenceLength(ReadOnlySpan<char> s)
    {
        var i = s.IndexOfAny(SentenceEnd);
        return i < 0 ? s.Length : i + 1;
    }

    // ---- headings --------------------------------------------------------------------------------------------

    /// <summary>
    /// The top level of the outline: chapters when there are any; none for a document of bare articles (第一条 …);
    /// else 一、; else （一）; else 1. headings standing alone. Numbers must run 1, 2, 3 …; a second 一 after a list (an attachment's outline) ends it.
    /// </summary>
    private static List<string> Headings(IReadOnlyList<string> paragraphs, out int first)
    {
        first = -1;
        var headings = new List<string>();
        var level = OutlineLevel(paragraphs);
        if (level == Level.None) return headings;

        var expected = 1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (string.IsNullOrWhiteSpace(p) || Opening(p) != level) continue;
            var m = level switch
            {
                Level.Chapter => Chapter().Match(p),
                Level.Numbered => Numbered().Match(p),
                Level.Parenthesised => Parenthesised().Match(p),
                _ => StartsWithDigit(p) ? ArabicHeading().Match(p) : Match.Empty,
            };
            if (!m.Success) continue;
            var n = ChineseNumerals.Parse(m.Groups["n"].ValueSpan);
            if (n == 1 && expected > 2) break;
            if (n != expected) continue;
            expected++;
            if (first < 0) first = i;
            var heading = HeadingText(m.Groups["t"].Value);
            if (heading.Length > 0) headings.Add(heading);
        }

        return headings;
    }

    private static Level OutlineLevel(IReadOnlyList<string> paragraphs)
    {
        int chapters = 0, articles = 0, numbered = 0, parenthesised = 0, arabic = 0;
        foreach (var p in paragraphs)
        {
            if (string.IsNullOrEmpty(p)) continue;
            switch (Opening(p))
            {
                case Level.Chapter:
                    if (Chapter().IsMatch(p)) chapters++;
                    else if (Article().IsMatch(p)) articles++;
                    break;
                case Level.Parenthesised:
                    if (Parenthesised().IsMatch(p)) parenthesised++;
                    break;
                case Level.Arabic:
                    if (StartsWithDigit(p) && ArabicHeading().IsMatch(p)) arabic++;
                    break;
                case Level.Numbered:
                    if (Numbered().IsMatch(p)) numbered++;
                    break;
            }
        }

        if (chapters >= 2) return Level.Chapter;
        if (articles >= 2) return Level.None;
        if (numbered >= 1) return Level.Numbered;
        if (parenthesised >= 2) return Level.Parenthesised;
        return arabic >= 2 ? Level.Arabic : Level.None;
    }

    /// <summary>Which outline pattern a paragraph's first character could start (a cheap test before any regex).</summary>
    private static Level Opening(string p)
    {
        var s = p.AsSpan().TrimStart();
        if (s.Length < 2) return Level.None;
        return s[0] switch
        {
            '第' => Level.Chapter,
            '（' or '(' => Level.Parenthesised,
            >= '0' and <= '9' => Level.Arabic,
            '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' => Level.Numbered,
            _ => Level.None,
        };
    }

    /// <summary>A run-in heading (一、总体要求。坚持…) keeps its first sentence only; gaps from PDF spacing closed.</summary>
    private static string HeadingText(string t)
    {
        var s = t.AsSpan().Trim();
        var stop = s.IndexOfAny(HeadingEnd);
        if (stop >= 0) s = s[..stop];
        return Clean(s.ToString());
    }

    // ---- special genres --------------------------------------------------------------------------------------

    /// <summary>A 大事记: at least two entries, one of them dated, among the leading paragraphs; the first two entries.</summary>
    private static string? Chronicle(IReadOnlyList<string> paragraphs)
    {
        int entries = 0, dated = 0, seen = 0;
        for (var i = 0; i < paragraphs.Count && seen < 8; i++)
        {
            var p = paragraphs[i];
            if (string.IsNullOrWhiteSpace(p)) continue;
            seen++;
            if (!DayEntry().IsMatch(p)) continue;
            entries++;
            if (DatedEntry().IsMatch(p)) dated++;
        }

        if (entries < 2 || dated < 1) return null;
        var sb = new StringBuilder(Cap + 1);
        var taken = 0;
        for (var i = 0; i < paragraphs.Count && taken < 2; i++)
        {
            var p = paragraphs[i];
            if (string.IsNullOrWhiteSpace(p) || !DayEntry().IsMatch(p)) continue;
            if (taken == 0 && !DatedEntry().IsMatch(p)) continue; // a △ before any date belongs to the previous issue
            if (!AppendUnit(sb, Clean(p), separator: "")) break;
            taken++;
        }

        return sb.ToString();
    }

    /// <summary>A 任免 notice: from the decision (市人民政府决定，任命：) on, its appointment and removal lines.</summary>
    /// <summary>An Arabic heading opens with its number: other paragraphs need not meet the regex at all.</summary>
    private static bool StartsWithDigit(string p)
    {
        var t = p.AsSpan().TrimStart();
        return !t.IsEmpty && char.IsAsciiDigit(t[0]);
    }

    private static string? Personnel(IReadOnlyList<string> paragraphs)
    {
        var start = -1;
        for (var i = 0; i < paragraphs.Count && i < 15; i++)
        {
            // Every form of Decision names 任, 免 or 聘: a paragraph without them is skipped without running the regex,
            // which would otherwise try each of its positions.
            if (!string.IsNullOrEmpty(paragraphs[i]) && paragraphs[i].AsSpan().IndexOfAny('任', '免', '聘') >= 0 && Decision().IsMatch(paragraphs[i])) { start = i; break; }
        }

        if (start < 0) return null;
        var lead = start - 1;
        while (lead >= 0 && string.IsNullOrWhiteSpace(paragraphs[lead])) lead--;
        if (lead >= 0 && DecisionLead().IsMatch(paragraphs[lead])) start = lead;

        var sb = new StringBuilder(Cap + 1);
        for (var i = start; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (string.IsNullOrWhiteSpace(p)) continue;
            if (DateLine().IsMatch(p)) break;
            if (i > start && !PersonnelLine().IsMatch(p)) continue;
            if (!AppendUnit(sb, Clean(p), separator: "")) break;
        }

        return sb.Length > 0 ? sb.ToString() : null;
    }

    // ---- composition -----------------------------------------------------------------------------------------

    /// <summary>
    /// Sentences, not a run of headings: the purpose, then the headings as one sentence — introduced by 主要内容： unless
    /// the purpose already leads into them (…提出如下意见：), separated by ；(a heading may hold 、), closed by 。.
    /// </summary>
    private static string Compose(string purpose, List<string> headings)
    {
        var sb = new StringBuilder(Cap + 1);
        if (purpose.Length > 0 && !AppendUnit(sb, purpose, separator: "")) return sb.ToString();
        if (headings.Count == 0) return sb.ToString();
        var lead = purpose.Length > 0 && purpose[^1] is '：' or ':' ? "" : "主要内容：";
        for (var i = 0; i < headings.Count; i++)
        {
            var unit = i == 0 ? lead + headings[i] : headings[i];
            if (!AppendUnit(sb, unit, separator: i == 0 ? "" : "；")) return sb.ToString();
        }

        if (sb.Length < Cap + 1) sb.Append('。');
        return sb.ToString();
    }

    /// <summary>
    /// Appends a whole unit when it fits the cap; otherwise ends the summary with "…" (cutting the unit at a comma
    /// only when it would be the first thing in the summary). Returns false once the summary is closed.
    /// </summary>
    private static bool AppendUnit(StringBuilder sb, string unit, string separator)
    {
        if (unit.Length == 0) return true;
        if (sb.Length > 0 && sb[^1] == '…') return false;
        if (sb.Length + separator.Length + unit.Length <= Cap)
        {
            if (sb.Length > 0) sb.Append(separator);
            sb.Append(unit);
            return true;
        }

        if (sb.Length == 0)
        {
            var room = Cap - 1;
            var cut = unit.AsSpan(0, room).LastIndexOfAny(CutPoint);
            sb.Append(unit.AsSpan(0, cut >= room / 2 ? cut : room));
        }

        sb.Append('…');
        return false;
    }

    /// <summary>Page-continuation markers dropped, whitespace from PDF wrapping closed.</summary>
    private static string Clean(string s)
    {
        if (s.Contains('页')) s = PageMarker().Replace(s, "");
        if (s.AsSpan().IndexOfAny(Spacing) >= 0)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                sb.Append(c is '\t' or '\r' or '\n' ? ' ' : c);
            }

            s = TextShape.CloseCjkGaps(sb.ToString());
        }

        return s.Trim();
    }
}
