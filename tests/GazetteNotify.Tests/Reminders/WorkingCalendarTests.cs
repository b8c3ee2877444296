using System.Globalization;
using System.Text.Json;
using GazetteNotify.DueDates;

namespace GazetteNotify.Tests.Reminders;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2023-03-11")] // Saturday
    [InlineData("2023-03-12")] // Sunday
    [InlineData("2030-06-01")] // Saturday in an uncovered year
    public void A_weekend_is_not_a_working_day(string day) => Assert.False(China.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2023-03-13")] // Monday
    [InlineData("2023-03-17")] // Friday
    [InlineData("2024-02-09")] // Friday, 除夕 2024: only encouraged as leave, not a public holiday
    public void An_ordinary_weekday_is_a_working_day(string day) => Assert.True(China.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2016-02-08")] // Spring Festival
    [InlineData("2017-10-08")] // National Day and Mid-Autumn, eighth day (Sunday)
    [InlineData("2018-12-31")] // Monday, New Year 2019 announced with 2018-12-29 worked
    [InlineData("2019-05-01")]
    [InlineData("2019-05-02")]
    [InlineData("2019-05-03")]
    [InlineData("2019-05-04")]
    [InlineData("2020-01-31")] // Friday, Spring Festival extension
    [InlineData("2020-02-01")] // Saturday, was to be worked until the extension
    [InlineData("2021-06-14")] // Dragon Boat, Monday
    [InlineData("2022-10-03")] // Monday, National Day
    [InlineData("2023-09-29")] // Mid-Autumn, Friday
    [InlineData("2024-04-05")] // Qingming, Friday
    [InlineData("2025-01-28")] // 除夕 2025, a public holiday from 2025 on
    [InlineData("2025-05-02")] // Friday, the extra May Day holiday from 2025 on
    [InlineData("2026-02-23")] // Monday, last day of the nine-day Spring Festival
    public void A_public_holiday_is_not_a_working_day(string day) => Assert.False(China.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2016-02-14")] // Sunday
    [InlineData("2018-12-29")] // Saturday
    [InlineData("2019-05-05")] // Sunday
    [InlineData("2020-01-19")] // Sunday
    [InlineData("2021-10-09")] // Saturday
    [InlineData("2022-10-08")] // Saturday
    [InlineData("2022-10-09")] // Sunday
    [InlineData("2024-02-18")] // Sunday
    [InlineData("2025-04-27")] // Sunday
    [InlineData("2026-02-28")] // Saturday
    public void An_adjusted_weekend_day_is_a_working_day(string day) => Assert.True(China.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2023-03-09", 3, "2023-03-14")] // Thursday: Friday, Monday, Tuesday
    [InlineData("2023-03-10", 1, "2023-03-13")] // from a Friday: the Monday
    [InlineData("2023-03-10", 5, "2023-03-17")] // from a Friday: the next Friday
    [InlineData("2023-03-11", 1, "2023-03-13")] // from a Saturday: the Monday
    public void Working_days_skip_the_weekend(string start, int days, string end) =>
        Assert.Equal(Day(end), China.AddWorkingDays(Day(start), days));

    [Theory]
    [InlineData("2022-09-29", 3, "2022-10-09")] // Sep 30, then the worked Saturday and Sunday after the holiday week
    [InlineData("2022-09-30", 1, "2022-10-08")] // from a Friday straight to the worked Saturday
    [InlineData("2022-09-30", 3, "2022-10-10")]
    [InlineData("2023-09-28", 3, "2023-10-09")] // Mid-Autumn and National Day together, then Oct 7, 8 worked
    [InlineData("2024-09-30", 1, "2024-10-08")] // Monday before; Tuesday after the week
    public void Working_days_skip_the_National_Day_week(string start, int days, string end) =>
        Assert.Equal(Day(end), China.AddWorkingDays(Day(start), days));

    [Theory]
    [InlineData("2022-01-28", 3, "2022-02-07")] // Jan 29, 30 worked; Jan 31–Feb 6 off
    [InlineData("2020-01-23", 1, "2020-02-03")] // the extension to Feb 2 (Feb 1 no longer worked)
    [InlineData("2024-02-08", 2, "2024-02-18")] // Feb 9, then the worked Sunday after the holiday
    [InlineData("2026-02-13", 1, "2026-02-14")] // the worked Saturday before the holiday
    [InlineData("2026-02-13", 2, "2026-02-24")]
    public void Working_days_skip_the_Spring_Festival(string start, int days, string end) =>
        Assert.Equal(Day(end), China.AddWorkingDays(Day(start), days));

    [Fact]
    public void Working_days_cross_a_new_year_announced_in_the_previous_december()
    {
        // 2018-12-29 (Saturday) worked; 2018-12-30 to 2019-01-01 off.
        Assert.Equal(Day("2018-12-29"), China.AddWorkingDays(Day("2018-12-28"), 1));
        Assert.Equal(Day("2019-01-02"), China.AddWorkingDays(Day("2018-12-28"), 2));
    }

    [Fact]
    public void A_limit_reaching_into_the_data_is_exact()
    {
        var start = Day("2022-09-29");
        var end = China.AddWorkingDays(start, 3);

        Assert.True(China.IsExact(start, end));
        Assert.True(China.IsExact(Day("2015-12-31"), Day("2016-01-05"))); // the start itself is not counted
        Assert.False(China.IsExact(Day("2015-12-30"), Day("2016-01-05")));
    }

    [Fact]
    public void An_uncovered_year_counts_weekends_only_and_is_not_exact()
    {
        Assert.False(China.Covers(2030));
        Assert.False(China.Covers(2015));
        Assert.True(China.IsWorkingDay(Day("2030-10-01")));         // National Day, but no data for 2030
        Assert.True(China.IsWorkingDay(Day("2015-10-01")));

        var start = Day("2030-09-30");                                // Monday
        var end = China.AddWorkingDays(start, 3);

        Assert.Equal(Day("2030-10-03"), end);
        Assert.False(China.IsExact(start, end));
        Assert.Equal(Day("2030-10-07"), China.AddWorkingDays(Day("2030-10-04"), 1)); // Friday → Monday
    }

    [Fact]
    public void A_limit_leaving_the_covered_years_is_not_exact()
    {
        var start = Day($"{China.LastYear}-12-28");
        var end = China.AddWorkingDays(start, 10);

        Assert.Equal(China.LastYear + 1, end.Year);
        Assert.False(China.IsExact(start, end));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10001)]
    [InlineData(int.MaxValue)]
    public void An_absurd_number_of_days_is_refused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(Day("2022-01-04"), days));

    [Fact]
    public void The_largest_allowed_limit_is_computed()
    {
        var end = China.AddWorkingDays(Day("2022-01-04"), 10000);

        Assert.InRange(end.Year, 2060, 2062); // about 260 working days a year
        Assert.True(China.IsWorkingDay(end));
    }

    [Fact]
    public void A_calendar_can_be_built_from_its_own_days()
    {
        var calendar = new WorkingCalendar([Day("2030-01-02")], [Day("2030-01-05")], 2030, 2030);

        Assert.False(calendar.IsWorkingDay(Day("2030-01-02")));   // Wednesday holiday
        Assert.True(calendar.IsWorkingDay(Day("2030-01-05")));    // Saturday worked
        Assert.Equal(Day("2030-01-05"), calendar.AddWorkingDays(Day("2030-01-01"), 3)); // Jan 3, 4, 5
        Assert.True(calendar.IsExact(Day("2030-01-01"), Day("2030-12-31")));
        Assert.False(calendar.IsExact(Day("2030-01-01"), Day("2031-01-01")));
    }

    [Fact]
    public void A_day_both_holiday_and_workday_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Day("2030-01-05")], [Day("2030-01-05")], 2030, 2030));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingCalendar([], [], 2031, 2030));
    }

    [Fact]
    public void Every_year_from_2016_to_2026_is_covered()
    {
        Assert.Equal(2016, China.FirstYear);
        Assert.True(China.LastYear >= 2026);
        for (var year = 2016; year <= 2026; year++) Assert.True(China.Covers(year), $"{year} is not covered");
    }

    [Fact]
    public void Every_covered_year_has_a_plausible_number_of_holidays()
    {
        var years = DataFile();

        Assert.Equal(Enumerable.Range(China.FirstYear, China.LastYear - China.FirstYear + 1), years.Keys.Order());
        foreach (var (year, (holidays, _)) in years)
            Assert.True(holidays.Count is >= 7 and <= 40, $"{year} has {holidays.Count} holidays");
    }

    [Fact]
    public void Every_date_in_the_data_file_is_in_its_year_and_is_either_holiday_or_workday()
    {
        foreach (var (year, (holidays, workdays)) in DataFile())
        {
            Assert.All(holidays, d => Assert.Equal(year, d.Year));
            Assert.All(workdays, d => Assert.Equal(year, d.Year));
            Assert.Empty(holidays.Intersect(workdays));
            Assert.Equal(holidays.Count, holidays.Distinct().Count());
            Assert.Equal(workdays.Count, workdays.Distinct().Count());
            // An adjusted working day is always a weekend day made a working day.
            Assert.All(workdays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} is not a weekend day"));
        }
    }

    [Fact]
    public void The_data_file_says_where_it_comes_from_and_when_to_extend_it()
    {
        using var json = JsonDocument.Parse(DataFileStream());

        Assert.Contains("国务院办公厅", json.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("December", json.RootElement.GetProperty("notes").GetString(), StringComparison.Ordinal);
    }

    private static Stream DataFileStream() =>
        typeof(WorkingCalendar).Assembly.GetManifestResourceStream(WorkingCalendar.ChinaResourceName)
        ?? throw new InvalidOperationException("china-holidays.json is not embedded");

    private static Dictionary<int, (List<DateOnly> Holidays, List<DateOnly> Workdays)> DataFile()
    {
        using var json = JsonDocument.Parse(DataFileStream());
        return json.RootElement.GetProperty("years").EnumerateObject().ToDictionary(
            y => int.Parse(y.Name, CultureInfo.InvariantCulture),
            y => (y.Value.GetProperty("holidays").EnumerateArray().Select(d => Day(d.GetString()!)).ToList(),
                  y.Value.GetProperty("workdays").EnumerateArray().Select(d => Day(d.GetString()!)).ToList()));
    }
}
