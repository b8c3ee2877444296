using System.Text.RegularExpressions;

namespace GazetteNotify.Reminders;

/// <summary>
/// A repeating limit (每月10日前, 每季度末, 每年7月底前, 每半年) and its occurrences. Only rules that name a day are
/// read; anything vaguer (每周, 定期) is left for the admin's review rather than given an invented day.
/// </summary>
public sealed partial record Recurrence(RecurrencePeriod Period, int Month, int Day)
{
    /// <summary>Day 31 stands for the month's last day (…月底, 每月末).</summary>
    public const int LastDay = 31;

    public int PeriodDays => Period switch
    {
        RecurrencePeriod.Monthly => 28,
        RecurrencePeriod.Quarterly => 90,
        RecurrencePeriod.HalfYearly => 181,
        _ => 365,
    };

    public static Recurrence? Read(string phrase)
    {
        var text = phrase.Replace(" ", "", StringComparison.Ordinal);
        if (Yearly().Match(text) is { Success: true } y)
        {
            var month = Numerals.Read(y.Groups["m"].Value);
            var day = DayOf(y.Groups["d"].Value, y.Groups["end"].Success);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? new Recurrence(RecurrencePeriod.Yearly, month.Value, day.Value) : null;
        }

        if (Monthly().Match(text) is { Success: true } m)
        {
            var day = DayOf(m.Groups["d"].Value, m.Groups["end"].Success);
            return day is >= 1 and <= 31 ? new Recurrence(RecurrencePeriod.Monthly, 0, day.Value) : null;
        }

        if (Quarterly().IsMatch(text)) return new Recurrence(RecurrencePeriod.Quarterly, 0, LastDay);
        if (HalfYearly().IsMatch(text)) return new Recurrence(RecurrencePeriod.HalfYearly, 0, LastDay);
        if (YearEnd().IsMatch(text)) return new Recurrence(RecurrencePeriod.Yearly, 12, LastDay);
        return null;
    }

    /// <summary>The first occurrence on or after <paramref name="from"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly from)
    {
        for (var probe = new DateOnly(from.Year, from.Month, 1).AddMonths(-1); ; probe = probe.AddMonths(1))
        {
            if (!Occurs(probe.Month)) continue;
            var day = new DateOnly(probe.Year, probe.Month, Math.Min(Day, DateTime.DaysInMonth(probe.Year, probe.Month)));
            if (day >= from) return day;
        }
    }

    private bool Occurs(int month) => Period switch
    {
        RecurrencePeriod.Monthly => true,
        RecurrencePeriod.Quarterly => month % 3 == 0,
        RecurrencePeriod.HalfYearly => month % 6 == 0,
        _ => month == Month,
    };

    private static int? DayOf(string day, bool end) => end || day.Length == 0 ? LastDay : Numerals.Read(day);

    [GeneratedRegex(@"每年(?:的)?(?<m>[0-9一二三四五六七八九十]{1,3})月(?:(?<end>底|末|末前|底前)|(?<d>[0-9一二三四五六七八九十]{1,3})日)")]
    private static partial Regex Yearly();

    [GeneratedRegex(@"每(?:个)?月(?:的)?(?:(?<end>底|末)|(?<d>[0-9一二三四五六七八九十]{1,3})(?:日|号))")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"每(?:个)?季度|按季度?|每季")]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"每半年")]
    private static partial Regex HalfYearly();

    [GeneratedRegex(@"每年(?:年底|年末|底)")]
    private static partial Regex YearEnd();
}

public enum RecurrencePeriod
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}
