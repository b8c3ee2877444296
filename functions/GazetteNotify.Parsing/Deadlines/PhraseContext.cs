using System.Buffers;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// What the words around a matched phrase say about it: whether it is a start or validity date, a period used as a
/// noun (上半年经济运行情况), a status date (截至2021年底), the start of a range, or a month of some event's year.
/// All checks read the input in place and allocate nothing.
/// </summary>
internal static class PhraseContext
{
    /// <summary>Ends a sentence: the unit whose earlier year a yearless phrase takes.</summary>
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。；;！!？?\r\n");

    /// <summary>Ends a clause: the unit a validity word or an event (…后) governs.</summary>
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("。；;！!？?\r\n，,：:、");

    /// <summary>Separators of a range (2018年10月至2025年年底, 2019—2021年).</summary>
    private const string RangeMarks = "至到—–－-~～";

    /// <summary>After the phrase, these make it a start or an "after" (2023年底起, 上半年以来, 8月底后): not a limit.</summary>
    private static readonly string[] StartWords = ["起", "开始", "以来", "以后", "之后", "后"];

    /// <summary>After the phrase, these make it the validity of a rule (…前有效, …止施行).</summary>
    private static readonly string[] ValidityAfterWords = ["有效", "施行"];

    /// <summary>Earlier in the clause, these make a date the end of validity or of a policy (有效期至, 实施期限到, 延长至).</summary>
    private static readonly string[] ValidityWords = ["有效期", "施行", "实施期", "执行期", "延长", "延续", "顺延"];

    /// <summary>Right before 到/至, these make the date the end of a policy's application (执行到2022年底).</summary>
    private static readonly string[] ApplicationVerbs = ["执行", "实施", "施行", "有效"];

    /// <summary>
    /// Nouns a period qualifies when it names the period rather than a limit (上半年经济运行情况, 下半年重点工作,
    /// 上半年既定目标, 二季度经济, 每季度进展情况); only checked when no 前/到 marks the phrase as a limit.
    /// </summary>
    private static readonly string[] NominalWords =
    [
        "的", "经济", "工作", "重点", "目标", "既定", "形势", "情况", "数据", "指标", "运行", "任务", "计划", "总结", "期间",
        "会议", "以来", "进展",
    ];

    /// <summary>
    /// After a count, these make it a window a condition is checked over (三个月内未发生医疗事故, 1周内发病30例以上),
    /// not a time to act within.
    /// </summary>
    private static readonly string[] ConditionWords = ["未发生", "未出现", "发病", "发生", "累计", "连续"];

    /// <summary>
    /// How far back a sentence or clause is looked for. Real sentences are a few hundred characters at most; without a
    /// bound, a paragraph of thousands of limits with no full stop (a hostile upload) is read in quadratic time.
    /// </summary>
    public const int MaxLookBack = 1_000;

    public static int SentenceStart(string text, int index) => StartBefore(text, index, SentenceEnds);

    public static int ClauseStart(string text, int index) => StartBefore(text, index, ClauseEnds);

    private static int StartBefore(string text, int index, SearchValues<char> ends)
    {
        var from = Math.Max(0, index - MaxLookBack);
        return from + text.AsSpan(from, index - from).LastIndexOfAny(ends) + 1;
    }

    /// <summary>自2023年底起, 上半年以来, 8月底后: a start or an "after", not a limit.</summary>
    public static bool IsFollowedByStart(string text, int end) => StartsWithAny(SkipSpaces(text, end), StartWords);

    /// <summary>…止有效, …止施行: the end of a rule's validity.</summary>
    public static bool IsFollowedByValidity(string text, int end) => StartsWithAny(SkipSpaces(text, end), ValidityAfterWords);

    /// <summary>三个月内未发生医疗事故: a window of a condition.</summary>
    public static bool IsFollowedByCondition(string text, int end) => StartsWithAny(SkipSpaces(text, end), ConditionWords);

    /// <summary>How far ahead the end of a count's clause is looked for (its 的 of a condition).</summary>
    private const int MaxClauseAhead = 80;

    /// <summary>
    /// A count that sets who is eligible rather than what a unit must do: its clause ends in 的 (自签约之日起两年内完成
    /// 全部投资的，给予补助), or it is a rolling window (对每3年内产值…的企业).
    /// </summary>
    public static bool IsEligibilityCondition(string text, int index, int end)
    {
        var before = SkipSpacesBack(text, index);
        if (!before.IsEmpty && before[^1] == '每') return true;
        var ahead = text.AsSpan(end, Math.Min(MaxClauseAhead, text.Length - end));
        var clauseEnd = ahead.IndexOfAny(ClauseEnds);
        if (clauseEnd <= 0) return false;
        var clause = SkipSpacesBack(ahead[..clauseEnd]);
        return !clause.IsEmpty && clause[^1] == '的';
    }

    /// <summary>What a table's column of staged targets is headed with after its period (一季度目标, 上半年任务).</summary>
    private static readonly string[] ColumnLabelWords = ["目标", "任务", "计划"];

    /// <summary>
    /// | 一季度目标 |: a column header naming the period its cells are due in (a table flattened one row per line, cells
    /// split by |), not the noun phrase it would be in prose.
    /// </summary>
    public static bool IsColumnLabel(string text, int index, int end)
    {
        var before = SkipSpacesBack(text, index);
        if (!before.IsEmpty && before[^1] != '|') return false;
        var after = SkipSpaces(text, end);
        foreach (var word in ColumnLabelWords)
        {
            if (!after.StartsWith(word, StringComparison.Ordinal)) continue;
            var rest = SkipSpaces(after[word.Length..]);
            return rest.IsEmpty || rest[0] == '|';
        }

        return false;
    }

    /// <summary>
    /// 未来五年主要工作任务 / 今后三年，…: a horizon opening its clause, the time the clause's tasks are set in; not the
    /// object of a verb (带动未来五年制造业投资1000亿元: an amount measured over the years).
    /// </summary>
    public static bool OpensClause(string text, int index)
    {
        var before = SkipSpacesBack(text, index);
        return before.IsEmpty || before[^1] is '\n' or '，' or ',' or '。' or '；' or ';' or '：' or ':' or '、' or '）' or ')' or '|' or '在' or '于';
    }

    /// <summary>上半年经济运行情况: the period as a noun's modifier.</summary>
    public static bool IsFollowedByNoun(string text, int end) => StartsWithAny(SkipSpaces(text, end), NominalWords);

    /// <summary>2022年6月底至2022年8月底: the first is where a range starts, not a limit.</summary>
    public static bool IsFollowedByRangeEnd(string text, int end)
    {
        var after = SkipSpaces(text, end);
        if (after.IsEmpty || RangeMarks.IndexOf(after[0], StringComparison.Ordinal) < 0) return false;
        after = SkipSpaces(after[1..]);
        return !after.IsEmpty && (DeadlineNumerals.IsNumeral(after[0]) || after[0] is '今' or '明' or '年' or '上' or '下' or '第');
    }

    /// <summary>有效期至2025年底, 实施期限到2022年年底, 延长至…, 执行到…: the end of a rule or policy, not a task.</summary>
    public static bool IsValidity(string text, int start, bool hasTo)
    {
        var from = ClauseStart(text, start);
        var clause = text.AsSpan(from, start - from);
        foreach (var word in ValidityWords)
        {
            if (clause.Contains(word, StringComparison.Ordinal)) return true;
        }

        return hasTo && EndsWithAny(SkipSpacesBack(text, start), ApplicationVerbs);
    }

    /// <summary>截至2021年底，全市…: "as of", a status date.</summary>
    public static bool IsAsOf(string text, int start) => start > 0 && text[start] == '至' && text[start - 1] == '截';

    /// <summary>期中检查年的2月底前, 检查年年底前: a month of a year named by an event, which we cannot date.</summary>
    public static bool FollowsEventYear(string text, int start)
    {
        var before = SkipSpacesBack(text, start);
        if (!before.IsEmpty && before[^1] == '的') before = SkipSpacesBack(before[..^1]);
        return !before.IsEmpty && before[^1] == '年';
    }

    /// <summary>规划期结束后次年的2月底前: a 次年 counted from an event earlier in the clause.</summary>
    public static bool CountsFromEvent(string text, int start)
    {
        var from = ClauseStart(text, start);
        return text.AsSpan(from, start - from).Contains('后');
    }

    private static ReadOnlySpan<char> SkipSpaces(string text, int index) => SkipSpaces(text.AsSpan(index));

    private static ReadOnlySpan<char> SkipSpaces(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && IsSpace(s[i])) i++;
        return s[i..];
    }

    private static ReadOnlySpan<char> SkipSpacesBack(string text, int index) => SkipSpacesBack(text.AsSpan(0, index));

    private static ReadOnlySpan<char> SkipSpacesBack(ReadOnlySpan<char> s)
    {
        var i = s.Length;
        while (i > 0 && IsSpace(s[i - 1])) i--;
        return s[..i];
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000';

    private static bool StartsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var word in words)
        {
            if (s.StartsWith(word, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var word in words)
        {
            if (s.EndsWith(word, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
