using System.Globalization;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Deadlines;

/// <summary>
/// Forms of time limits met in other cities' documents (the corpus), with their real phrases: dates sharing one 前,
/// a period of years, a recurring day of a quarter's month, and eligibility conditions that are no limits.
/// </summary>
public sealed class OtherCitiesFormsTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void DatesListedBeforeOneQianAreEachALimit()
    {
        const string sentence = "各责任单位要尽快制定具体落实方案,明确时间节点,并于2023年3月25日、6月25日、9月25日前向省政府报告各项重点工作的进展情况,12月25日前报告全年落实情况。";
        var found = DeadlineFinder.FindAll(sentence, new DateOnly(2023, 2, 1));

        Assert.Equal(["2023年3月25日", "6月25日", "9月25日前", "12月25日前"], found.Select(d => d.Text));
        Assert.Equal([Day("2023-03-25"), Day("2023-06-25"), Day("2023-09-25"), Day("2023-12-25")], found.Select(d => d.Date!.Value));
        Assert.All(found, d => Assert.Equal(DeadlineKind.Deadline, d.Kind));
    }

    [Fact]
    public void AListedMonthEndTakesTheYearWrittenEarlierInTheList()
    {
        var found = DeadlineFinder.FindAll("分别于2024年6月底、12月20日前报送进展情况。", new DateOnly(2023, 12, 1));

        Assert.Equal(["2024年6月底", "12月20日前"], found.Select(d => d.Text));
        Assert.Equal(Day("2024-06-30"), found[0].Date);
    }

    [Fact]
    public void DatesJoinedByOtherWordsAreNotAList()
    {
        var found = DeadlineFinder.FindAll("项目于3月25日开工、9月25日前完成验收。", new DateOnly(2023, 2, 1));

        Assert.Equal(["9月25日前"], found.Select(d => d.Text));
    }

    [Theory]
    [InlineData("2018—2021年累计安排各类支持工业发展的专项资金不低于30亿元。", "2018-07-01", "2018—2021年", "2021-12-31")]
    [InlineData("2023-2025年每年新增城镇就业1万人以上。", "2023-03-01", "2023-2025年", "2025-12-31")]
    [InlineData("2019 年 — 2021 年累计新增城镇就业3万人。", "2019-03-01", "2019 年 — 2021 年", "2021-12-31")]
    public void AYearRangeIsATargetEndingWithItsLastYear(string sentence, string anchor, string text, string date)
    {
        var found = Assert.Single(DeadlineFinder.FindAll(sentence, Day(anchor)));

        Assert.Equal(text, found.Text);
        Assert.Equal(Day(date), found.Date);
        Assert.Equal(DeadlineKind.Target, found.Kind);
    }

    [Theory]
    [InlineData("印发《陕西省工业稳增长促投资实施方案（2018—2021年）》。")]
    [InlineData("2013—2017年全市地区生产总值年均增长8%。")]
    [InlineData("政策有效期为2021年5月1日至2022年4月30日。")]
    [InlineData("编制2019—2021年度财政规划。")]
    public void AYearRangeThatIsATitleAPastOrAValidityIsNoLimit(string sentence)
    {
        Assert.Empty(DeadlineFinder.FindAll(sentence, new DateOnly(2018, 7, 1)));
    }

    [Fact]
    public void ARecurringDayOfAQuartersLastMonthIsOneLimit()
    {
        var found = Assert.Single(DeadlineFinder.FindAll("请各责任单位于每季度末月20日前将“民生实事”完成情况书面报县政府督查室。", new DateOnly(2016, 3, 1)));

        Assert.Equal("每季度末月20日前", found.Text);
        Assert.Equal(DeadlineKind.Recurring, found.Kind);
        Assert.Null(found.Date);
    }

    [Theory]
    [InlineData("对新引进的重点工业项目，自签约之日起两年内完成全部投资的，按实际固定资产投入的2%给予补助。")]
    [InlineData("对每3年内产值由3亿元以下增加到5亿元以上，且年均增速20%以上的企业，连续三年分档给予奖励。")]
    public void AnEligibilityConditionIsNoLimit(string sentence)
    {
        Assert.Empty(DeadlineFinder.FindAll(sentence, new DateOnly(2018, 7, 1)));
    }

    [Theory]
    [InlineData("收文后，请于一周内报送联系人名单。", "一周内")]
    [InlineData("对符合条件的申请，3个工作日内办结。", "3个工作日内")]
    [InlineData("自收到通知之日起15日内完成整改。", "15日内")]
    public void ARelativeLimitOnAUnitIsStillFound(string sentence, string text)
    {
        var found = Assert.Single(DeadlineFinder.FindAll(sentence, new DateOnly(2018, 7, 1)));

        Assert.Equal(text, found.Text);
        Assert.Equal(DeadlineKind.Relative, found.Kind);
    }
    [Theory]
    [InlineData("并于9月25日前向省政府报告各项重点工作的每季度进展情况。", "9月25日前")]
    [InlineData("每季度进展情况由市政府督查室汇总。", null)]
    public void AQuarterlyReportNamedAsANounIsNoRecurringLimit(string sentence, string? only)
    {
        var found = DeadlineFinder.FindAll(sentence, new DateOnly(2023, 2, 1));

        Assert.Equal(only is null ? [] : [only], found.Select(d => d.Text));
    }

    [Fact]
    public void AQuarterlyReportSetByAVerbIsStillRecurring()
    {
        var found = Assert.Single(DeadlineFinder.FindAll("各责任单位每季度报送工作进展。", new DateOnly(2023, 2, 1)));

        Assert.Equal("每季度", found.Text);
        Assert.Equal(DeadlineKind.Recurring, found.Kind);
    }

    [Fact]
    public void AQuarterHeadingAColumnOfTargetsIsThatQuartersEnd()
    {
        var found = Assert.Single(DeadlineFinder.FindAll("序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况、存在问题及下一步打算 | 目标完成情况 |", new DateOnly(2023, 1, 10)));

        Assert.Equal("一季度", found.Text);
        Assert.Equal(Day("2023-03-31"), found.Date);
    }

    [Fact]
    public void AQuartersTargetsInProseAreStillANoun()
    {
        Assert.Empty(DeadlineFinder.FindAll("全力完成一季度目标任务。", new DateOnly(2023, 1, 10)));
    }

    [Fact]
    public void A_rhythm_of_one_report_a_quarter_is_not_the_first_quarters_end()
    {
        // 咸宁 2023 (traditional in the corpus): the issuer's reporting rhythm, not a limit on a task.
        Assert.DoesNotContain(DeadlineFinder.FindAll("对工作落实情况实行一季度一通报，年底进行综合考评。", new DateOnly(2023, 1, 5)), d => d.Text.Contains("季度", StringComparison.Ordinal));
        Assert.Contains(DeadlineFinder.FindAll("一季度末前完成选址。", new DateOnly(2023, 1, 5)), d => d.Date == new DateOnly(2023, 3, 31));
    }

    [Theory]
    [InlineData("一、未来五年主要工作任务", "未来五年")] // 嘉兴市 2022: the horizon of the tasks the section sets
    [InlineData("今后三年，全市将新建学校10所。", "今后三年")]
    public void A_horizon_opening_its_clause_is_a_relative_limit(string sentence, string text)
    {
        var found = Assert.Single(DeadlineFinder.FindAll(sentence, new DateOnly(2022, 5, 10)));

        Assert.Equal(text, found.Text);
        Assert.Equal(DeadlineKind.Relative, found.Kind);
        Assert.Null(found.Date);
    }

    [Fact]
    public void A_horizon_after_a_verb_measures_an_amount_and_is_no_limit()
    {
        // 丽水市 2023: the five years say over what time the investment is counted, not when anything is due.
        Assert.Empty(DeadlineFinder.FindAll("每年招引亿元以上制造业项目100个,带动未来五年制造业投资1000亿元以上。", new DateOnly(2023, 7, 11)));
    }
}
