using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Turns one phrase found by <see cref="PhraseScanner"/> into a kind and a last day, or rejects it when its context
/// shows it is no time limit (a start, a validity, a status date, a period used as a noun, a past goal year).
/// </summary>
internal static class PhraseInterpreter
{
    /// <summary>
    /// What the phrase at [<paramref name="index"/>, <paramref name="end"/>) means; <paramref name="start"/> may move
    /// back over a range's start (2018年10月至…).
    /// </summary>
    public static bool TryRead(string text, int index, int end, DateOnly anchor, out int start, out DeadlineKind kind, out DateOnly? date)
    {
        start = index;
        kind = DeadlineKind.Deadline;
        date = null;
        var form = DeadlinePatterns.FormAt(text, index);
        var parts = PhraseReader.Read(text.AsSpan(index, end - index), form);

        switch (form)
        {
            case PhraseForm.Recurring:
                kind = DeadlineKind.Recurring;
                // 报告…的每季度进展情况: the period names what is reported, it sets no time.
                if (parts.Day < 0 && !parts.HasSuffix && PhraseContext.IsFollowedByNoun(text, end)) return false;
                return parts.Day < 0 || CalendarLimits.IsDayOfSomeMonth(parts.Day);
            case PhraseForm.Relative:
                kind = DeadlineKind.Relative;
                if (text[index] is '未' or '今' && !PhraseContext.OpensClause(text, index)) return false;
                return !PhraseContext.IsFollowedByCondition(text, end) && !PhraseContext.IsEligibilityCondition(text, index, end);
        }

        if (!IsLimitInContext(text, index, end, parts)) return false;

        switch (form)
        {
            case PhraseForm.ThisMonth:
                return ReadThisMonth(parts, anchor, ref kind, ref date);
            case PhraseForm.Target:
                if (!ReadTarget(text, index, parts, anchor, ref kind, ref date)) return false;
                // 2018—2021年: the text covers the period, the date is its end.
                if (parts.HasTo || parts.HasSuffix) return true;
                start = RangeStart.Find(text, index, hasTo: false);
                return start >= 0;
        }

        // A month (6月底前), a year's end (年底前), a half (上半年) or a quarter (一季度).
        if (parts.Month is < 1 or > 12) return false;

        int year;
        if (parts.Year >= 0)
        {
            year = parts.Year;
        }
        else if (parts.Qualifier != '\0')
        {
            year = QualifiedYear(text, index, parts.Qualifier, anchor, ref kind);
            if (kind == DeadlineKind.Recurring) return IsDayOfMonth(parts);
            if (kind != DeadlineKind.Deadline) return true;
        }
        else if (!parts.HasTo && PhraseContext.FollowsEventYear(text, index))
        {
            kind = DeadlineKind.Relative;
            return true;
        }
        else
        {
            year = YearResolver.Resolve(text, index, parts.Month, anchor);
        }

        date = LastDay(parts, year);
        if (date is null) return false;

        var rangeStart = RangeStart.Find(text, index, parts.HasTo);
        if (rangeStart >= 0)
        {
            // 1至5月 / 2022年1月1日至5月31日 name a period (often of statistics); a range is a limit only when its end
            // says so (…至2025年年底, …至6月底前).
            if (form == PhraseForm.Month && !parts.AtEnd && !parts.HasSuffix) return false;
            start = rangeStart;
        }

        return true;
    }

    /// <summary>The context checks shared by every dated form (not by 每… nor by …内 counts).</summary>
    private static bool IsLimitInContext(string text, int index, int end, in PhraseParts parts)
    {
        if (PhraseContext.IsValidity(text, index, parts.HasTo) || PhraseContext.IsFollowedByValidity(text, end)) return false;
        if (parts.HasSuffix) return true;
        if (parts.HasTo && PhraseContext.IsAsOf(text, index)) return false;
        if (PhraseContext.IsFollowedByStart(text, end) || PhraseContext.IsFollowedByRangeEnd(text, end)) return false;
        return parts.HasTo || !PhraseContext.IsFollowedByNoun(text, end) || PhraseContext.IsColumnLabel(text, index, end);
    }

    /// <summary>本月底前 is dated by the anchor; 当月/次月/下月 count from an event.</summary>
    private static bool ReadThisMonth(in PhraseParts parts, DateOnly anchor, ref DeadlineKind kind, ref DateOnly? date)
    {
        if (parts.Qualifier != '本')
        {
            kind = DeadlineKind.Relative;
            return true;
        }

        date = parts.Day >= 0
            ? CalendarLimits.Day(anchor.Year, anchor.Month, parts.Day)
            : CalendarLimits.EndOfMonth(anchor.Year, anchor.Month);
        return date is not null;
    }

    /// <summary>到2025年, 2025年前: 31 December of a goal year not yet past; a year range (2021年至2030年) is a period.</summary>
    private static bool ReadTarget(string text, int index, in PhraseParts parts, DateOnly anchor, ref DeadlineKind kind, ref DateOnly? date)
    {
        if (parts.Year < anchor.Year || parts.HasTo && RangeStart.Find(text, index, hasTo: true) >= 0) return false;
        kind = DeadlineKind.Target;
        date = CalendarLimits.EndOfMonth(parts.Year, 12);
        return date is not null;
    }

    /// <summary>
    /// The year a word names: 今年/本年 the anchor's, 明年/来年/下一年 the next, 去年/上年 the last, 同年 the sentence's,
    /// 次年/翌年/第二年 the one after the sentence's (or counted from an event: …结束后次年 → relative), 当年 an event's
    /// (relative), 每年 every year (recurring).
    /// </summary>
    private static int QualifiedYear(string text, int index, char word, DateOnly anchor, ref DeadlineKind kind)
    {
        switch (word)
        {
            case '今' or '本':
                return anchor.Year;
            case '明' or '来' or '下':
                return anchor.Year + 1;
            case '去' or '上':
                return anchor.Year - 1;
            case '同':
                return YearResolver.SentenceYear(text, index, anchor) ?? anchor.Year;
            case '次' or '翌' or '第':
                if (PhraseContext.CountsFromEvent(text, index))
                {
                    kind = DeadlineKind.Relative;
                    return 0;
                }

                return (YearResolver.SentenceYear(text, index, anchor) ?? anchor.Year) + 1;
            case '每':
                kind = DeadlineKind.Recurring;
                return 0;
            default:
                kind = DeadlineKind.Relative;
                return 0;
        }
    }

    /// <summary>The last day meeting the limit: 9月15日前 → the 15th, 6月中旬前 → the 20th, anything else → the month's end.</summary>
    private static DateOnly? LastDay(in PhraseParts parts, int year)
    {
        if (parts.Day >= 0) return CalendarLimits.Day(year, parts.Month, parts.Day);
        return parts.Ten switch
        {
            '上' => CalendarLimits.Day(year, parts.Month, 10),
            '中' => CalendarLimits.Day(year, parts.Month, 20),
            _ => CalendarLimits.EndOfMonth(year, parts.Month),
        };
    }

    /// <summary>每年2月30日前 names no day: a recurring day must exist in its month (29 February does, in leap years).</summary>
    private static bool IsDayOfMonth(in PhraseParts parts) => parts.Day < 0 || CalendarLimits.Day(2024, parts.Month, parts.Day) is not null;
}
