namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// The start of a range whose end is a time limit (2018年10月至2025年年底, 6月1日—6月30日): read backwards from the
/// separator, so the phrase's text can cover the whole range while its date stays the range's end.
/// </summary>
internal static class RangeStart
{
    private const string Dashes = "—–－-~～";

    /// <summary>
    /// Where the range ending in the phrase at <paramref name="start"/> begins, or -1. <paramref name="hasTo"/>: the
    /// phrase itself begins with 至/到, the separator; otherwise a dash right before it is one.
    /// </summary>
    public static int Find(string text, int start, bool hasTo)
    {
        int separator;
        if (hasTo)
        {
            separator = start;
        }
        else
        {
            separator = SkipSpacesBack(text, start) - 1;
            if (separator < 0 || Dashes.IndexOf(text[separator], StringComparison.Ordinal) < 0) return -1;
        }

        return DateBefore(text, separator);
    }

    /// <summary>
    /// The index where a date ending right before <paramref name="end"/> starts: [N年][N月[底|末|N日]], or a bare number
    /// taking the end's unit (1至5月, 2019—2021年). -1 when there is none.
    /// </summary>
    private static int DateBefore(string text, int end)
    {
        var p = SkipSpacesBack(text, end);
        var begin = -1;
        if (p > 0 && text[p - 1] is '底' or '末')
        {
            p = SkipSpacesBack(text, p - 1);
            if (p == 0 || text[p - 1] is not ('月' or '年')) return -1;
        }

        if (p > 0 && text[p - 1] is '日' or '号')
        {
            var number = NumberBefore(text, SkipSpacesBack(text, p - 1), 3);
            if (number < 0) return -1;
            p = SkipSpacesBack(text, number);
            if (p == 0 || text[p - 1] != '月') return -1;
        }

        if (p > 0 && text[p - 1] == '月')
        {
            var number = NumberBefore(text, SkipSpacesBack(text, p - 1), 3);
            if (number < 0) return -1;
            begin = number;
            p = SkipSpacesBack(text, number);
        }

        if (p > 0 && text[p - 1] == '年')
        {
            var yearEnd = SkipSpacesBack(text, p - 1);
            var year = NumberBefore(text, yearEnd, 4);
            if (year >= 0 && yearEnd - year == 4 && DeadlineNumerals.ParseYear(text.AsSpan(year, 4)) >= CalendarLimits.MinYear)
            {
                begin = year;
            }
        }
        else if (begin < 0)
        {
            // A bare number shares the unit of the end: 1至5月, 2019—2021年.
            begin = NumberBefore(text, p, 4);
        }

        return begin;
    }

    /// <summary>Where a run of numeral characters (at most <paramref name="max"/>) ending at <paramref name="end"/> starts, or -1.</summary>
    private static int NumberBefore(string text, int end, int max)
    {
        var i = end;
        while (i > 0 && end - i < max && DeadlineNumerals.IsNumeral(text[i - 1])) i--;
        if (i == end) return -1;
        // A longer number than allowed is not this kind of date part.
        if (i > 0 && DeadlineNumerals.IsNumeral(text[i - 1])) return -1;
        return i;
    }

    private static int SkipSpacesBack(string text, int index)
    {
        while (index > 0 && PhraseContext.IsSpace(text[index - 1])) index--;
        return index;
    }
}
