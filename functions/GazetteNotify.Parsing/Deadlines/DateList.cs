using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Dates listed before a limit that share its 前 (于2023年3月25日、6月25日、9月25日前向省政府报告): each is a limit of
/// its own, written without the 前. Read backwards from the limit over 、-separated dates, a bounded number of them.
/// </summary>
internal static partial class DateList
{
    /// <summary>More dates than this in one list is no reporting schedule (a year has twelve months).</summary>
    private const int MaxItems = 12;

    /// <summary>The longest listed date: 二〇二三 年 十二 月 三十一 日, with a few spaces.</summary>
    private const int MaxItemLength = 24;

    /// <summary>Characters a listed date is made of.</summary>
    private const string DateChars = "0123456789０１２３４５６７８９〇零○一二三四五六七八九十年月日号底末 \t\u00A0\u3000";

    /// <summary>A whole listed date: [2023年]3月25日 or [2023年]6月底.</summary>
    [GeneratedRegex(
        @"^(?:(?:[12１２][0-9０-９]{3}|[一二][〇零○一二三四五六七八九]{3})\s*年\s*)?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|底|末)$",
        DeadlinePatterns.Options)]
    private static partial Regex ItemRegex();

    /// <summary>
    /// The [start, end) spans of the dates listed right before the limit starting at <paramref name="limitStart"/>, in
    /// text order, none starting before <paramref name="floor"/> (a limit already found). Empty when none.
    /// </summary>
    public static List<(int Start, int End)> Before(string text, int limitStart, int floor)
    {
        var items = new List<(int Start, int End)>();
        var p = SkipSpacesBack(text, limitStart, floor);
        while (items.Count < MaxItems && p > floor && text[p - 1] == '、')
        {
            var end = SkipSpacesBack(text, p - 1, floor);
            var start = ItemStart(text, end, floor);
            if (start < 0) break;
            items.Add((start, end));
            p = SkipSpacesBack(text, start, floor);
        }

        items.Reverse();
        return items;
    }

    /// <summary>
    /// The last day of a listed date: its own year, else the year of an earlier date of the list
    /// (<paramref name="listYear"/>, updated here), else the year the sentence gives its month.
    /// </summary>
    public static DateOnly? DateOf(string text, int start, int end, DateOnly anchor, ref int listYear)
    {
        var parts = PhraseReader.Read(text.AsSpan(start, end - start), PhraseForm.Month);
        if (parts.Month is < 1 or > 12) return null;
        if (parts.Year >= 0) listYear = parts.Year;
        var year = listYear >= 0 ? listYear : YearResolver.Resolve(text, start, parts.Month, anchor);
        return parts.Day >= 0 ? CalendarLimits.Day(year, parts.Month, parts.Day) : CalendarLimits.EndOfMonth(year, parts.Month);
    }

    /// <summary>Where a whole date ending at <paramref name="end"/> starts (the longest that reads as one), or -1.</summary>
    private static int ItemStart(string text, int end, int floor)
    {
        var from = end;
        while (from > floor && end - from < MaxItemLength && DateChars.Contains(text[from - 1], StringComparison.Ordinal)) from--;
        for (var s = from; s < end; s++)
        {
            // Only a number starts a date, and never from its middle.
            if (!DeadlineNumerals.IsNumeral(text[s]) || s > from && DeadlineNumerals.IsNumeral(text[s - 1])) continue;
            if (ItemRegex().IsMatch(text.AsSpan(s, end - s))) return s;
        }

        return -1;
    }

    private static int SkipSpacesBack(string text, int index, int floor)
    {
        while (index > floor && PhraseContext.IsSpace(text[index - 1])) index--;
        return index;
    }
}
