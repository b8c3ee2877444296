using GazetteNotify.Reminders;

namespace GazetteNotify.Tests.Reminders;

public class RecurrenceTests
{
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
    public void The_next_occurrence_is_the_first_on_or_after_the_day(string phrase, string from, string expected)
    {
        var rule = Recurrence.Read(phrase);
        Assert.NotNull(rule);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rule.NextOnOrAfter(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("定期")]
    [InlineData("每周")]
    [InlineData("每年13月1日前")]
    public void Rules_without_a_day_are_not_read(string phrase) => Assert.Null(Recurrence.Read(phrase));
}
