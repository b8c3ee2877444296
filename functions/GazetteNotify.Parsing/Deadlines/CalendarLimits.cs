namespace GazetteNotify.Parsing.Deadlines;

/// <summary>The last day of a month, quarter or half year, never throwing on an impossible date.</summary>
internal static class CalendarLimits
{
    /// <summary>Years a time limit can plausibly name; keeps DateOnly arithmetic far from its bounds.</summary>
    public const int MinYear = 1000;

    public const int MaxYear = 9998;

    /// <summary>The last day of <paramref name="month"/> in <paramref name="year"/> (2月底 of a leap year is the 29th).</summary>
    public static DateOnly? EndOfMonth(int year, int month) =>
        IsValid(year, month) ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : null;

    /// <summary>The day, or null when the month has no such day (2月30日).</summary>
    public static DateOnly? Day(int year, int month, int day) =>
        IsValid(year, month) && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>Days 1–31 exist in some month: what a recurring 每月N日 may name.</summary>
    public static bool IsDayOfSomeMonth(int day) => day is >= 1 and <= 31;

    private static bool IsValid(int year, int month) => year is >= MinYear and <= MaxYear && month is >= 1 and <= 12;
}
