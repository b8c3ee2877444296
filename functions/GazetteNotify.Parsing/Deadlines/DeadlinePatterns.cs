using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// The shapes a time limit takes in Chinese government documents, as source-generated regexes anchored at the search
/// start (\G: <see cref="PhraseScanner"/> only tries positions near a key character). They only recognise
/// well-formed phrases (a bare 6月 or 2022年6月6日 does not match: a day or a month needs 前/以前/之前/止 or a leading
/// 到/至); what the phrase says is read by <see cref="PhraseReader"/> and what its surroundings say by
/// <see cref="PhraseContext"/>. No capture groups: matches are taken as <see cref="ValueMatch"/>, allocation-free.
/// </summary>
internal static partial class DeadlinePatterns
{
    /// <summary>Spaces PDF extraction leaves between tokens (2022 年 8 月 31 日前).</summary>
    private const string S = @"[ \t\u00A0\u3000]*";

    /// <summary>An Arabic digit, half- or full-width.</summary>
    private const string D = "[0-9０-９]";

    /// <summary>Nothing numeric right before: a number is read whole, never from its middle.</summary>
    private const string NotAfterNumber = "(?<![0-9０-９〇零○一二三四五六七八九十两百])";

    /// <summary>A month or day number: 1–2 digits or 一…三十一.</summary>
    private const string Small = "(?:" + D + "{1,2}|[一二三四五六七八九十]{1,3})";

    /// <summary>A four-digit year: 2022, ２０２２, 二〇二二.</summary>
    private const string Year = NotAfterNumber + "(?:[12１２]" + D + "{3}|[一二][〇零○一二三四五六七八九]{3})(?![0-9０-９])";

    /// <summary>前 as "before", not "the first …" (2022年前三季度) nor "around" (2025年前后).</summary>
    private const string Before = "前(?![后0-9０-９〇零一二三四五六七八九十两半几个])";

    /// <summary>Before-limit suffixes; periods also take 内 (上半年内, 一季度内).</summary>
    private const string Suffix = "(?:" + S + "(?:以前|之前|" + Before + "|为止|止))";

    private const string PeriodSuffix = "(?:" + S + "(?:以前|之前|" + Before + "|为止|止|以内|之内|内))";

    /// <summary>A leading 到/至 ("by"); 达到 is a verb of amount, not of time.</summary>
    private const string To = "(?<!达)[到至]" + S;

    /// <summary>The year of a phrase: written (2022年) or a word for it (今年, 明年, 次年的, 每年).</summary>
    internal const string QualifierWords = "今|本|明|来|次|翌|同|当|去|上一?|下一?|第二|每";

    private const string YearPart = "(?:" + Year + S + "年" + S + "|(?:" + QualifierWords + ")" + S + "年" + S + "(?:的" + S + ")?)";

    private const string MonthHead = NotAfterNumber + Small + S + "月(?:" + S + "份)?";

    private const string DayOrTen = "(?:" + Small + S + "[日号]|上旬|中旬|下旬)";

    /// <summary>A completion verb right after a bare month or day makes it a limit too (2022年6月完成, 9月30日建成; not 完成了).</summary>
    private const string Completion = "(?=" + S + "(?:完成|建成|完工|竣工|办结)(?!了))";

    /// <summary>
    /// 6月底(前), 9月15日前, 6月中旬前, 6月前, 6月完成; after 到/至 any of them, even a bare month (到2023年6月).
    /// </summary>
    private const string Month =
        To + YearPart + "?" + MonthHead + "(?:" + S + "(?:底|末|" + DayOrTen + "))?" + Suffix + "?" +
        "|" + YearPart + "?" + MonthHead + "(?:" + S + "(?:底|末)" + Suffix + "?|(?:" + S + DayOrTen + ")?(?:" + Suffix + "|" +
        Completion + "))";

    /// <summary>年底, 年末, 年内, 2023年底, 2023年年底, 今年内; a bare 年 must not follow a count (3年内 is relative).</summary>
    private const string YearEnd =
        "(?:" + To + ")?(?:" + YearPart + "(?:年" + S + ")?|(?<![0-9０-９〇零○一二三四五六七八九十两半几多每个数近])年" + S + ")" +
        "(?:底|末|内)" + Suffix + "?";

    /// <summary>上半年, 2021年下半年(末).</summary>
    private const string Half =
        "(?:" + To + ")?" + YearPart + "?(?<![前后每])[上下]" + S + "半" + S + "年(?:" + S + "(?:末|底))?" + PeriodSuffix + "?";

    /// <summary>一季度, 第三季度末, 二季度前; not 前三季度 (cumulative), 每季度 nor 一季度一通报 (a rhythm: recurring).</summary>
    private const string Quarter =
        "(?:" + To + ")?" + YearPart + "?(?<![前每0-9０-９])(?:第" + S + ")?[一二三四1-4１-４]" + S + "季度(?!" + S + "一)(?:" + S + "(?:末|底))?" +
        PeriodSuffix + "?";

    /// <summary>本月底前, 本月20日前, 本月内; 当月/次月/下月 count from an event.</summary>
    private const string ThisMonth =
        "(?:本|当|次|下个?)" + S + "月(?:" + S + "(?:(?:底|末)" + Suffix + "?|" + Small + S + "[日号]" + Suffix + "|以内|之内|内))";

    /// <summary>A few spaces: a lookbehind never scans back over a long run of them (hostile input stays linear).</summary>
    private const string FewSpaces = @"[ \t\u00A0\u3000]{0,3}";

    /// <summary>A dash joining two years (2018—2021年): the phrase is the end of a period.</summary>
    private const string AfterYearDash = "(?<=" + D + "{4}" + FewSpaces + "年?" + FewSpaces + "[—–－~～-]" + FewSpaces + ")";

    /// <summary>
    /// 到2025年, 至2030年, 2025年前: a goal year; 2018—2021年 (the end of a period something is done over), not inside a
    /// bracket or a name (（2019—2021年）, 2019—2021年度).
    /// </summary>
    private const string Target =
        To + Year + S + "年(?!" + S + "度)(?:" + S + "(?:以前|之前|" + Before + "))?" +
        "|" + Year + S + "年" + S + "(?:以前|之前|" + Before + ")" +
        "|" + AfterYearDash + Year + S + "年(?!" + S + "[度）)》〕】])";

    /// <summary>
    /// 3个工作日内, 15天内, 6个月内, 一年内, 24小时内; not 近3年内 / 过去3年内 (a look back). 未来五年, 今后三年: a span
    /// counted from the document, the horizon of the tasks it sets.
    /// </summary>
    private const string Relative =
        "(?<!近|过去)" + NotAfterNumber + "(?:" + D + "{1,4}|[〇零一二三四五六七八九十两百]{1,4}|半)" + S +
        "(?:个" + S + "(?:月|工作日|自然日|小时|星期)|工作日|自然日|小时|日|天|周|星期|年)" + S + "(?:以|之)?内" +
        "|(?:未来|今后)" + S + "(?:" + D + "{1,2}|[一二三四五六七八九十两]{1,3})" + S + "(?:个" + S + "月|年)(?!" + S + "[以之]?内)";

    /// <summary>
    /// 每季度(末), 每季度末月20日前 (a day of the quarter's last or first month), 每半年, 每月10日前, 每月底前, 每周五前
    /// (每年… is a month or year-end form with 每年).
    /// </summary>
    private const string Recurring =
        "每" + S + "(?:个" + S + ")?季度?(?:" + S + "(?:(?:末|首)" + S + "月" + S + Small + S + "[日号]|末|底))?" + Suffix + "?" +
        "|每" + S + "半" + S + "年" +
        "|每" + S + "(?:个" + S + ")?月(?:" + S + "(?:底|末)" + Suffix + "?|" + S + DayOrTen + Suffix + ")" +
        "|每" + S + "(?:周|星期)" + S + "[一二三四五六日天]" + Suffix;

    /// <summary>
    /// Every form, in the order a match is decided (the first that matches wins). Unanchored: tests compare a plain scan
    /// of it with <see cref="PhraseScanner"/>.
    /// </summary>
    internal const string AnyPhrase =
        Recurring + "|" + Month + "|" + YearEnd + "|" + Half + "|" + Quarter + "|" + ThisMonth + "|" + Target + "|" + Relative;

    private const string Phrase = @"\G(?:" + AnyPhrase + ")";

    internal const RegexOptions Options = RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    /// <summary>Any time-limit phrase starting exactly at the search start.</summary>
    [GeneratedRegex(Phrase, Options)]
    internal static partial Regex PhraseRegex();

    [GeneratedRegex(@"\G(?:" + Recurring + ")", Options)]
    private static partial Regex RecurringRegex();

    [GeneratedRegex(@"\G(?:" + Month + ")", Options)]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"\G(?:" + YearEnd + ")", Options)]
    private static partial Regex YearEndRegex();

    [GeneratedRegex(@"\G(?:" + Half + ")", Options)]
    private static partial Regex HalfRegex();

    [GeneratedRegex(@"\G(?:" + Quarter + ")", Options)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"\G(?:" + ThisMonth + ")", Options)]
    private static partial Regex ThisMonthRegex();

    [GeneratedRegex(@"\G(?:" + Target + ")", Options)]
    private static partial Regex TargetRegex();

    /// <summary>
    /// Which form a phrase found by <see cref="PhraseRegex"/> at <paramref name="index"/> has: the first form whose
    /// own regex matches there, as the alternation decides. Only called on a hit, so rarely.
    /// </summary>
    internal static PhraseForm FormAt(string text, int index)
    {
        var input = text.AsSpan();
        if (RecurringRegex().IsMatch(input, index)) return PhraseForm.Recurring;
        if (MonthRegex().IsMatch(input, index)) return PhraseForm.Month;
        if (YearEndRegex().IsMatch(input, index)) return PhraseForm.YearEnd;
        if (HalfRegex().IsMatch(input, index)) return PhraseForm.Half;
        if (QuarterRegex().IsMatch(input, index)) return PhraseForm.Quarter;
        if (ThisMonthRegex().IsMatch(input, index)) return PhraseForm.ThisMonth;
        return TargetRegex().IsMatch(input, index) ? PhraseForm.Target : PhraseForm.Relative;
    }

    /// <summary>
    /// A year a sentence is set in: 2021年, 二〇二一年, 今年, 明年. Not 2021年度 (a name), nor a year closing a bracket
    /// (（2019—2021年）, a plan period).
    /// </summary>
    [GeneratedRegex(Year + S + "年(?!" + S + "[度）)》])|(?:今|本|明|来)年(?!度)", Options)]
    internal static partial Regex YearMentionRegex();
}
