using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// The length a count phrase (<see cref="PhraseForm.Relative"/>: 3个工作日内, 十五日内, 两个月内, 24小时内, 未来五年) writes:
/// its number, read as the parser reads every number, and its unit. Null for 半 (半年内, 半个月内), which is no whole count.
/// </summary>
internal static class SpanReader
{
    public static LimitSpan? Read(ReadOnlySpan<char> phrase)
    {
        var i = 0;
        if (phrase.StartsWith("未来", StringComparison.Ordinal) || phrase.StartsWith("今后", StringComparison.Ordinal)) i = 2;
        SkipSpaces(phrase, ref i);
        var start = i;
        while (i < phrase.Length && DeadlineNumerals.IsNumeral(phrase[i])) i++;
        if (ChineseNumerals.Parse(phrase[start..i]) is not { } count) return null;

        SkipSpaces(phrase, ref i);
        if (i < phrase.Length && phrase[i] == '个')
        {
            i++;
            SkipSpaces(phrase, ref i);
        }

        var unit = UnitAt(phrase[i..]);
        return unit is { } u ? new LimitSpan(count, u) : null;
    }

    private static SpanUnit? UnitAt(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("工作日", StringComparison.Ordinal)) return SpanUnit.WorkingDay;
        if (s.StartsWith("自然日", StringComparison.Ordinal)) return SpanUnit.Day;
        if (s.StartsWith("小时", StringComparison.Ordinal)) return SpanUnit.Hour;
        if (s.StartsWith("星期", StringComparison.Ordinal)) return SpanUnit.Week;
        if (s.IsEmpty) return null;
        return s[0] switch
        {
            '日' or '天' => SpanUnit.Day,
            '周' => SpanUnit.Week,
            '月' => SpanUnit.Month,
            '年' => SpanUnit.Year,
            _ => null,
        };
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && PhraseContext.IsSpace(s[i])) i++;
    }
}
