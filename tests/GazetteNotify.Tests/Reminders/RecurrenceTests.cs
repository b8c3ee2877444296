using System.Globalization;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Reminders;

/// <summary>The occurrences of a repeating limit, from the rule the parser states of its phrase.</summary>
public class RecurrenceTests
{
    private static RecurrenceRule? RuleOf(string phrase) =>
        DeadlineFinder.FindAll(phrase, new DateOnly(2022, 1, 1)).SingleOrDefault()?.Recurrence;

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("每月10日前", "2022-06-20", "2022-07-10")]
    [InlineData("每月10日前", "2022-06-10", "2022-06-10")]
    [InlineData("每月底前", "2022-02-03", "2022-02-28")]
    [InlineData("每季度", "2022-07-01", "2022-09-30")]
    [InlineData("每季度末", "2022-12-31", "2022-12-31")]
    [InlineData("每半年", "2022-07-01", "2022-12-31")]
    [InlineData("每年7月底前", "2022-08-01", "2023-07-31")]
    [InlineData("每年三月十五日前", "2022-01-01", "2022-03-15")]
    [InlineData("每年年底前", "2022-05-01", "2022-12-31")]
    [InlineData("每季度末月20日前", "2022-04-01", "2022-06-20")]
    [InlineData("每季度首月20日前", "2022-04-21", "2022-07-20")]
    [InlineData("每月31日前", "2022-02-01", "2022-02-28")]
    public void The_next_occurrence_is_the_first_on_or_after_the_day(string phrase, string from, string expected)
    {
        var rule = RuleOf(phrase);
        Assert.NotNull(rule);
        Assert.Equal(Day(expected), rule.NextOnOrAfter(Day(from)));
    }

    [Theory]
    [InlineData("定期")]
    [InlineData("每周")]
    [InlineData("每年13月1日前")]
    public void Rules_without_a_day_are_not_read(string phrase) => Assert.Null(RuleOf(phrase));

    [Fact]
    public void A_period_is_as_long_as_its_shortest_gap()
    {
        Assert.Equal(
            [28, 90, 181, 365],
            [RuleOf("每月10日前")!.PeriodDays, RuleOf("每季度")!.PeriodDays, RuleOf("每半年")!.PeriodDays, RuleOf("每年7月底前")!.PeriodDays]);
    }
}
