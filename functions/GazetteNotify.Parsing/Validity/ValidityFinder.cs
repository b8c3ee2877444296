using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;

// Note: inside GazetteNotify.Parsing.* (outside Model) this namespace hides the Model.Validity record; write Model.Validity.
namespace GazetteNotify.Parsing.Validity;

/// <summary>
/// When a document takes effect and lapses, and which earlier documents it repeals. Normative documents close with
/// 本办法自2022年8月1日起施行，有效期至2025年7月31日。 or 本通知自印发之日起执行，有效期5年。 and often
/// 《…》（聊政办字〔2016〕32号）同时废止。 The text may still carry PDF line breaks; every pattern allows whitespace.
/// </summary>
public static partial class ValidityFinder
{
    /// <summary>A sentence is rarely longer; scanning stops there so a text without full stops stays cheap.</summary>
    private const int MaxSentence = 600;

    private static readonly System.Buffers.SearchValues<char> ClausePunctuation =
        System.Buffers.SearchValues.Create("，。；：、,;:！？!?《》“”（）()");

    private const string Num = @"\d{1,4}|[〇○零一二两三四五六七八九十]{1,4}";

    /// <summary>年 optional (自8月1日起施行 takes the signing year), then 月 and 日.</summary>
    private const string StartDate =
        @"(?:(?<sy>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*)?(?<sm>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?<sd>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]";

    /// <summary>A closing day: full date, 年月 (last day of the month), 年底/年末 or a bare year (31 December).</summary>
    private const string UntilDate =
        @"(?<uy>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:(?<um>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?:(?<ud>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]|底|末)?|年?\s*[底末])?";

    private const string RangeFrom =
        @"(?<fy>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?<fm>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?<fd>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]";

    /// <summary>
    /// 自2022年8月1日起施行, 自印发之日起执行, 自发布之日起30日后施行, 自即日起实施. The verb must close its clause:
    /// 自2023年1月1日起执行全省统一的病种目录 is a task, 自…起施行的《条例》 cites another text. What precedes 起 is a
    /// lookbehind (group "head") so that the scan starts at the rare 起 rather than at every digit or numeral.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?<head>(?:(?:自|从|于)\s*)?(?:" + StartDate + @"|(?<event>印发|发布|公布|颁布|下发|签发|发文|通过|公告)\s*之\s*日|(?<today>即日)))\s*)" +
        @"起\s*(?:(?<delay>" + Num + @")\s*[日天]\s*(?:后|以后)\s*)?(?:正式|开始)?\s*(?<verb>施\s*行|执\s*行|实\s*施|生\s*效|试\s*行)" +
        @"(?=\s*(?:[，,。；;：:！!）)\]」”]|有效期|\z))")]
    private static partial Regex StartPhrase();

    /// <summary>有效期至2025年12月31日, 有效期到…, 有效期为五年, 有效期自…至…, 执行期限为…至…, 实施期限为2022—2025年.</summary>
    [GeneratedRegex(
        @"(?:有效期限?|试行期限?|(?:执行|实施|施行)期限?)\s*(?:为|是)?\s*(?:" +
        @"(?:自\s*)?" + RangeFrom + @"\s*(?:起\s*)?(?:至|到|—|－|-|～|~)\s*" + UntilDate + @"(?:\s*止)?" +
        @"|(?:自\s*)?(?<fy>\d{4})\s*年?\s*(?:至|到|—|－|-|～|~)\s*(?<uy>\d{4})\s*年(?!\s*\d)" +
        @"|(?:至|到|截至|截止到|截止至|截止)\s*" + UntilDate +
        @"|(?<years>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年(?![\d〇○零一二三四五六七八九]|\s*[月底末])" +
        @")")]
    private static partial Regex UntilPhrase();

    /// <summary>Who the 有效期 belongs to: 本办法, 本通知, 本实施细则 … or 上述政策措施.</summary>
    [GeneratedRegex(@"^(?:本[^，。；,;]{0,10}?(?:办法|规定|细则|方案|意见|通知|决定|预案|制度|规划|计划|规则|条例|标准|清单|指引|指南|纲要|要点|公告|通告|文件|政策|措施|批复|准则|守则|通报|函)|(?:上述|以上|前述|各项|本)?(?:政策措施|政策|措施))")]
    private static partial Regex OwnSubject();

    /// <summary>本办法, 本预案, 本实施方案 …: the document naming itself.</summary>
    [GeneratedRegex(@"^本(?:实施|工作|暂行|试行|管理|考核)?(?:办法|规定|细则|方案|意见|通知|决定|预案|制度|规划|计划|规则|条例|标准|清单|指引|指南|纲要|要点|公告|通告|措施|准则|守则|通报|批复)")]
    private static partial Regex OwnDocument();

    [GeneratedRegex(@"废止|停止执行|停止实施|停止施行|不再执行|同时失效|代替|替代")]
    private static partial Regex RepealWord();

    /// <summary>第十八条 / 第六章 / 8.3 / 一、 opening a sentence: not part of the sentence's words.</summary>
    [GeneratedRegex(@"^(?:第[一二三四五六七八九十百零〇\d]+[条章节]|\d+(?:[.．]\d+)+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])\s*")]
    private static partial Regex LeadingNumbering();

    /// <summary>A heading line that ends a paragraph although it has no full stop: 第六章 附则, 8.3 预案实施时间, 附 则.</summary>
    [GeneratedRegex(@"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节]|\d+(?:[.．]\d+)+\s|[一二三四五六七八九十]+、|附\s*则\s*$)[^。，；]*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"[（(]\s*(?:上接|下转)第\s*\d+\s*页\s*[）)]")]
    private static partial Regex PageMarker();

    /// <summary>Clauses that cite rather than repeal: 根据《…》（国发〔2016〕15号）.</summary>
    [GeneratedRegex(@"^(?:根据|按照|依据|依照|参照|遵照|对照|为贯彻|贯彻|落实|结合)")]
    private static partial Regex CitingClause();

    /// <summary>
    /// The document's own validity: the last 施行/执行 sentence about this document (closing articles govern), joined
    /// with its 有效期; null when the text states none.
    /// </summary>
    public static Model.Validity? FindEffective(string text, DateOnly? signedDate)
    {
        if (string.IsNullOrEmpty(text)) return null;

        // The last start phrase whose subject is this document (本办法自…起施行); failing that, the last one in the
        // closing part of the text whose clause names no other document.
        Match? start = null, weak = null;
        DateOnly? from = null, weakFrom = null;
        foreach (Match m in StartPhrase().Matches(text))
        {
            var (sStart, _) = SentenceBounds(text, m.Index, m.Length);
            var prefix = ClausePrefix(text, sStart, m.Groups["head"].Index);
            if (AboutAnotherDocument(prefix)) continue;
            if (!TryStartDate(m, signedDate, out var date)) continue;
            if (IsOwnSubject(text, sStart, m.Groups["head"].Index, prefix))
            {
                start = m;
                from = date;
            }
            else if (m.Index >= text.Length * 2 / 3)
            {
                weak = m;
                weakFrom = date;
            }
        }

        if (start is null && weak is not null)
        {
            start = weak;
            from = weakFrom;
        }

        // The 有效期 that goes with it: in the same sentence or the one right before or after it (本办法自…起施行。
        // 有效期至…。). Without a start phrase, the last 有效期 stated about this document.
        (int Start, int End) startSentence = start is null ? (-1, -1) : SentenceBounds(text, start.Index, start.Length);
        Match? until = null, sameUntil = null, nextUntil = null;
        foreach (Match m in UntilPhrase().Matches(text))
        {
            var bounds = SentenceBounds(text, m.Index, m.Length);
            if (start is not null && m.Index >= startSentence.Start && m.Index < startSentence.End)
            {
                sameUntil = m;
                continue;
            }

            var prefix = ClausePrefix(text, bounds.Start, m.Index);
            if (!IsOwnSubject(text, bounds.Start, m.Index, prefix)) continue;
            if (start is null) until = m;
            else if (Adjacent(text, startSentence, bounds) || Adjacent(text, bounds, startSentence)) nextUntil = m;
        }

        if (start is not null) until = sameUntil ?? nextUntil;
        if (start is null && until is null) return null;

        DateOnly? untilDate = null;
        if (until is not null)
        {
            if (from is null && until.Groups["fy"].Success)
            {
                from = until.Groups["fm"].Success
                    ? DateOf(until.Groups["fy"], until.Groups["fm"], until.Groups["fd"])
                    : Number(until.Groups["fy"].ValueSpan) is int y and >= 1900 and <= 2200 ? new DateOnly(y, 1, 1) : null;
            }

            untilDate = UntilDateOf(until, from);
        }

        var textSpan = start is null
            ? SentenceBounds(text, until!.Index, until.Length)
            : until is null
                ? startSentence
                : Join(startSentence, SentenceBounds(text, until.Index, until.Length));
        var sentence = Clean(text, textSpan.Start, textSpan.End, stripNumbering: true);
        if (sentence.Length == 0) return null;
        return new Model.Validity(from, untilDate, sentence);
    }

    /// <summary>
    /// Doc numbers this document repeals or replaces: every number in a sentence that says 废止/停止执行/不再执行/代替,
    /// except numbers in a citing clause (根据…), and the document's own. A list introduced by 下列文件同时废止：
    /// is followed item by item.
    /// </summary>
    public static IReadOnlyList<string> FindRepeals(string text, string? ownDocNumber)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var numbers = ReferenceFinder.Locate(text);
        if (numbers.Count == 0) return [];
        var own = ReferenceFinder.NormaliseOwn(ownDocNumber);
        var result = new List<string>();
        var doneUntil = -1;
        foreach (Match m in RepealWord().Matches(text))
        {
            if (m.Index < doneUntil) continue;
            var (sStart, sEnd) = SentenceBounds(text, m.Index, m.Length);
            if (IntroducesList(text, m.Index + m.Length, sEnd)) sEnd = ListEnd(text, sEnd, numbers);
            doneUntil = sEnd;
            foreach (var (index, _, number) in numbers)
            {
                if (index < sStart || index >= sEnd) continue;
                if (own is not null && string.Equals(number, own, StringComparison.Ordinal)) continue;
                if (CitingClause().IsMatch(ClausePrefix(text, sStart, index))) continue;
                if (!result.Contains(number)) result.Add(number);
            }
        }

        return result;
    }

    // ---- sentences -------------------------------------------------------------------------------------------

    /// <summary>
    /// The sentence around [index, index+length): back to the previous 。！？, a line ending in closing punctuation, or a
    /// heading line; forward through the next 。！？ (or the end of the line when no full stop follows soon).
    /// </summary>
    private static (int Start, int End) SentenceBounds(string text, int index, int length)
    {
        var start = index;
        var limit = Math.Max(0, index - MaxSentence);
        while (start > limit)
        {
            var c = text[start - 1];
            if (c is '。' or '！' or '？' or '!' or '?') break;
            if (c == '\n' && LineBreakEndsSentence(text, start - 1)) break;
            start--;
        }

        var end = index + length;
        var endLimit = Math.Min(text.Length, end + MaxSentence);
        var lineEnd = -1;
        while (end < endLimit)
        {
            var c = text[end];
            if (c is '。' or '！' or '？' or '!' or '?') { end++; break; }
            if (c == '\n' && lineEnd < 0) lineEnd = end;
            end++;
        }

        if (end == endLimit && lineEnd >= 0 && end < text.Length) end = lineEnd;
        return (start, end);
    }

    /// <summary>A line break at <paramref name="newline"/> ends a sentence when the line before it is a heading or ends in closing punctuation.</summary>
    private static bool LineBreakEndsSentence(string text, int newline)
    {
        // Blank lines are no evidence (a page break splits sentences too): judge by the last line with text.
        var i = newline - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        if (i < 0) return true;
        if (text[i] is '：' or ':' or '；' or ';' or '）' or ')' or '”' or '」' or '】') return true;
        var lineStart = text.LastIndexOf('\n', i) + 1;
        return HeadingLine().IsMatch(text.AsSpan(lineStart, i + 1 - lineStart));
    }

    /// <summary>The text of the clause (since the last ，；：) up to <paramref name="index"/>, trimmed, numbering removed.</summary>
    private static string ClausePrefix(string text, int sentenceStart, int index)
    {
        var i = index;
        while (i > sentenceStart && text[i - 1] is not ('，' or ',' or '；' or ';' or '：' or ':')) i--;
        return Clean(text, i, index, stripNumbering: true);
    }

    /// <summary>
    /// After numbering (8.3, 第六章, 一、), a heading run into the sentence by paragraph joining (8.3 预案实施时间本预案
    /// 自…) is dropped: the sentence starts at 本预案/本办法… when only unpunctuated words precede it.
    /// </summary>
    private static string AfterNumberedHeading(string s)
    {
        if (s.Length == 0 || s[0] == '本') return s;
        var ben = s.AsSpan(0, Math.Min(s.Length, 24)).IndexOf('本');
        if (ben <= 0 || s.AsSpan(0, ben).IndexOfAny(ClausePunctuation) >= 0) return s;
        return OwnDocument().IsMatch(s.AsSpan(ben)) ? s[ben..] : s;
    }

    /// <summary>True when <paramref name="second"/> follows <paramref name="first"/> with only whitespace between.</summary>
    private static bool Adjacent(string text, (int Start, int End) first, (int Start, int End) second)
    {
        if (second.Start < first.End) return false;
        return text.AsSpan(first.End, second.Start - first.End).IsWhiteSpace();
    }

    private static (int Start, int End) Join((int Start, int End) a, (int Start, int End) b) =>
        (Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    /// <summary>《…》自…起施行 and 《…》（…号）自…起 speak of another document.</summary>
    private static bool AboutAnotherDocument(string prefix)
    {
        if (prefix.Length == 0) return false;
        if (prefix[0] == '本') return false;
        var last = prefix[^1];
        if (last is '》' or '〉') return true;
        if (prefix.EndsWith("号）", StringComparison.Ordinal) || prefix.EndsWith("号)", StringComparison.Ordinal)) return true;
        if (prefix.EndsWith('已') || prefix.EndsWith("已经", StringComparison.Ordinal)) return prefix.Contains('《');
        return prefix.Contains('《');
    }

    /// <summary>
    /// A 施行 or 有效期 clause is about this document when it names it (本办法…, 上述政策措施…), or when the clause is bare
    /// and its sentence is too (有效期至…。) or begins by naming it (本办法自…起施行，有效期至…).
    /// </summary>
    private static bool IsOwnSubject(string text, int sentenceStart, int index, string clausePrefix)
    {
        if (clausePrefix.Length > 0) return OwnSubject().IsMatch(clausePrefix);
        var sentence = Clean(text, sentenceStart, index, stripNumbering: true);
        return sentence.Length == 0 || OwnSubject().IsMatch(sentence);
    }

    /// <summary>废止 followed shortly by a colon (下列文件同时废止：, 予以废止的文件如下：) opens a list.</summary>
    private static bool IntroducesList(string text, int after, int sentenceEnd)
    {
        var limit = Math.Min(Math.Min(sentenceEnd, text.Length), after + 12);
        return text.AsSpan(after, Math.Max(0, limit - after)).IndexOfAny('：', ':') >= 0;
    }

    /// <summary>Extends a 下列文件同时废止： sentence over the list items that follow, while they cite a doc number.</summary>
    private static int ListEnd(string text, int end, List<(int Index, int Length, string Number)> numbers)
    {
        for (var items = 0; items < 200 && end < text.Length; items++)
        {
            var (_, next) = SentenceBounds(text, end, 0);
            if (next <= end) break;
            var any = false;
            foreach (var (index, _, _) in numbers)
            {
                if (index >= end && index < next) { any = true; break; }
            }

            if (!any) break;
            end = next;
        }

        return end;
    }

    /// <summary>The words between two offsets: line breaks and page markers removed, gaps between CJK closed.</summary>
    private static string Clean(string text, int start, int end, bool stripNumbering)
    {
        if (end <= start) return "";
        var raw = text.AsSpan(start, end - start).Trim();
        if (raw.IsEmpty) return "";
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '\r' or '\n')
            {
                // Drop the break and the spaces around it.
                while (sb.Length > 0 && sb[^1] is ' ' or '\t' or '\u3000') sb.Length--;
                while (i + 1 < raw.Length && char.IsWhiteSpace(raw[i + 1])) i++;
                continue;
            }

            sb.Append(c);
        }

        var s = TextShape.CloseCjkGaps(sb.ToString());
        if (s.Contains('页')) s = PageMarker().Replace(s, "");
        s = s.Trim();
        if (stripNumbering)
        {
            var n = LeadingNumbering().Match(s);
            if (n.Success && n.Length < s.Length) s = AfterNumberedHeading(s[n.Length..]);
        }

        return s.Trim();
    }

    // ---- dates -----------------------------------------------------------------------------------------------

    private static bool TryStartDate(Match m, DateOnly? signed, out DateOnly? date)
    {
        date = null;
        if (m.Groups["sm"].Success)
        {
            var year = m.Groups["sy"].Success ? Number(m.Groups["sy"].ValueSpan) : signed?.Year;
            var month = Number(m.Groups["sm"].ValueSpan);
            var day = Number(m.Groups["sd"].ValueSpan);
            if (year is null || month is null || day is null) return true; // stated, day unknown
            date = Make(year.Value, month.Value, day.Value);
            return date is not null; // an impossible day is not a start date
        }

        // 自印发之日起 / 自发布之日起 / 自即日起: the signing date, plus any stated delay.
        date = signed;
        if (date is not null && m.Groups["delay"].Success && Number(m.Groups["delay"].ValueSpan) is int delay and < 3660)
        {
            date = date.Value.AddDays(delay);
        }

        return true;
    }

    private static DateOnly? DateOf(Group y, Group m, Group d)
    {
        var year = Number(y.ValueSpan);
        var month = Number(m.ValueSpan);
        var day = Number(d.ValueSpan);
        return year is null || month is null || day is null ? null : Make(year.Value, month.Value, day.Value);
    }

    private static DateOnly? UntilDateOf(Match m, DateOnly? from)
    {
        if (m.Groups["years"].Success)
        {
            var years = Number(m.Groups["years"].ValueSpan);
            if (from is null || years is null or <= 0 or > 100) return null;
            return from.Value.AddYears(years.Value).AddDays(-1);
        }

        if (!m.Groups["uy"].Success) return null;
        var year = Number(m.Groups["uy"].ValueSpan);
        if (year is null or < 1900 or > 2200) return null;
        if (!m.Groups["um"].Success) return new DateOnly(year.Value, 12, 31); // 2025年, 2025年底
        var month = Number(m.Groups["um"].ValueSpan);
        if (month is null or < 1 or > 12) return null;
        if (!m.Groups["ud"].Success) return new DateOnly(year.Value, month.Value, DateTime.DaysInMonth(year.Value, month.Value));
        var day = Number(m.Groups["ud"].ValueSpan);
        return day is null ? null : Make(year.Value, month.Value, day.Value);
    }

    private static DateOnly? Make(int year, int month, int day)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1) return null;
        if (day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Arabic (also full-width) or Chinese numerals.</summary>
    private static int? Number(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty) return null;
        var value = 0;
        var allDigits = true;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= '０' and <= '９')) { allDigits = false; break; }
            value = value * 10 + (c >= '０' ? c - '０' : c - '0');
            if (value > 100_000) return null;
        }

        return allDigits ? value : ChineseNumerals.Parse(s);
    }
}
