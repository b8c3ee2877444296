using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// The rule of a repeating limit, when it names the day of its period: a numbered day (每月10日前, 每年三月十五日前,
/// 每季度末月20日前), the month's end (每月底前, 每年7月底前, 每年年底前), or the bare period, which ends on its last day
/// (每季度, 每季度末, 每半年). A rhythm without a day — 每周五前, 每月上旬前, 每年7月前, 每年上半年, 每年一季度, 每年内 — gets
/// no rule: its day is the admin's to set, never invented.
/// </summary>
internal static class RecurrenceReader
{
    /// <summary>The rule of <paramref name="phrase"/>, a repeating limit of the given form read into <paramref name="parts"/>.</summary>
    public static RecurrenceRule? Read(ReadOnlySpan<char> phrase, PhraseForm form, in PhraseParts parts) => form switch
    {
        PhraseForm.Recurring => Rhythm(phrase, parts),
        // 每年7月底前, 每年三月十五日前: the month of each year (the finder has checked the day exists in it).
        PhraseForm.Month when parts.Day >= 0 => new RecurrenceRule(RecurrencePeriod.Yearly, parts.Month, parts.Day),
        PhraseForm.Month when parts.AtEnd => new RecurrenceRule(RecurrencePeriod.Yearly, parts.Month, null),
        // 每年年底前, 每年末; not 每年内.
        PhraseForm.YearEnd when phrase.IndexOfAny('底', '末') >= 0 => new RecurrenceRule(RecurrencePeriod.Yearly, 12, null),
        _ => null,
    };

    /// <summary>每季度…, 每半年, 每月…, 每周…: the period after 每 [个].</summary>
    private static RecurrenceRule? Rhythm(ReadOnlySpan<char> phrase, in PhraseParts parts)
    {
        var i = 1;
        SkipSpaces(phrase, ref i);
        if (i < phrase.Length && phrase[i] == '个')
        {
            i++;
            SkipSpaces(phrase, ref i);
        }

        if (i >= phrase.Length) return null;
        switch (phrase[i])
        {
            case '季':
                // 每季度末月20日前 / 每季度首月20日前: a day of the quarter's last or first month; else the quarter's end.
                if (parts.Day < 0) return new RecurrenceRule(RecurrencePeriod.Quarterly, 3, null);
                return new RecurrenceRule(RecurrencePeriod.Quarterly, phrase.Contains('首') ? 1 : 3, parts.Day);
            case '半':
                return new RecurrenceRule(RecurrencePeriod.HalfYearly, 6, null);
            case '月':
                if (parts.Day >= 0) return new RecurrenceRule(RecurrencePeriod.Monthly, null, parts.Day);
                i++;
                SkipSpaces(phrase, ref i);
                return i < phrase.Length && phrase[i] is '底' or '末' ? new RecurrenceRule(RecurrencePeriod.Monthly, null, null) : null;
            default:
                return null; // 每周五前: weeks are not counted
        }
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && PhraseContext.IsSpace(s[i])) i++;
    }
}
