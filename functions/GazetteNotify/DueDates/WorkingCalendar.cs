using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace GazetteNotify.DueDates;

/// <summary>
/// Working days in China: Monday to Friday, minus the public holidays (法定节假日放假日) and plus the weekend days declared
/// working days (调休上班日) that the State Council announces each year. Outside the years the data covers it counts
/// weekends only, so a result there is approximate (see <see cref="IsExact"/>).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The most working days <see cref="AddWorkingDays"/> accepts (about forty years).</summary>
    public const int MaxWorkingDays = 10000;

    /// <summary>Name of the embedded data file (DueDates/china-holidays.json).</summary>
    internal const string ChinaResourceName = "GazetteNotify.DueDates.china-holidays.json";

    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _adjustedWorkdays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkdays, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(adjustedWorkdays);
        if (firstYear > lastYear)
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"The last year comes before the first ({firstYear}).");

        _holidays = holidays.ToFrozenSet();
        _adjustedWorkdays = adjustedWorkdays.ToFrozenSet();
        var both = _holidays.Where(_adjustedWorkdays.Contains).Order().ToList();
        if (both.Count > 0)
            throw new ArgumentException(
                $"Days both holiday and adjusted working day: {string.Join(", ", both.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}",
                nameof(adjustedWorkdays));
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>China's calendar, from the embedded china-holidays.json (loaded once).</summary>
    public static WorkingCalendar China { get; } = LoadChina();

    /// <summary>The first year the holiday data covers.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the holiday data covers.</summary>
    public int LastYear { get; }

    /// <summary>Whether the holiday data has <paramref name="year"/>.</summary>
    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>An adjusted working day is a working day; a holiday is not; otherwise Monday to Friday are.</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_adjustedWorkdays.Contains(day)) return true;
        if (_holidays.Contains(day)) return false;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The day a limit of N working days counted from `start` ends: the Nth working day AFTER start (start itself not counted). N >= 1.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxWorkingDays);

        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// True when every day between start (exclusive) and end (inclusive) lies in covered years (so the result is exact, not weekends-only).
    /// </summary>
    public bool IsExact(DateOnly start, DateOnly end)
    {
        if (end <= start) return true; // no days between them
        // The covered years are contiguous, so the first and the last day settle it.
        return Covers(start.AddDays(1).Year) && Covers(end.Year);
    }

    private static WorkingCalendar LoadChina()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(ChinaResourceName)
                           ?? throw new InvalidOperationException("china-holidays.json is not embedded");
        using var json = JsonDocument.Parse(stream);
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        var years = new List<int>();
        foreach (var year in json.RootElement.GetProperty("years").EnumerateObject())
        {
            years.Add(int.Parse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture));
            holidays.AddRange(year.Value.GetProperty("holidays").EnumerateArray().Select(ParseDay));
            workdays.AddRange(year.Value.GetProperty("workdays").EnumerateArray().Select(ParseDay));
        }
        if (years.Count == 0) throw new InvalidOperationException("china-holidays.json has no years");
        int first = years.Min(), last = years.Max();
        if (years.Distinct().Count() != last - first + 1)
            throw new InvalidOperationException($"china-holidays.json must cover contiguous years; it has {string.Join(", ", years.Order())}");
        return new WorkingCalendar(holidays, workdays, first, last);
    }

    private static DateOnly ParseDay(JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
