using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;

namespace GazetteNotify.Tests.Reminders;

/// <summary>Which limits become reminder days, which wait for the admin, and on what day each falls.</summary>
public class DueDateResolverTests
{
    private static readonly DateOnly Signed = new(2022, 9, 30); // a Friday before the National Day week

    /// <summary>The limit as the parser states it in its item's text, resolved.</summary>
    private static ResolvedDue Relative(string phrase, string excerpt, DateOnly? signedOn = null) =>
        DueDateResolver.Resolve(Parsed(phrase, excerpt), signedOn ?? Signed, WorkingCalendar.China);

    private static Deadline Parsed(string phrase, string text) => DeadlineFinder.FindAll(text, Signed).Single(d => d.Text == phrase);

    [Fact]
    public void A_limit_counted_from_the_document_skips_the_national_day_week()
    {
        var due = Relative("3个工作日内", "各单位自本通知印发之日起3个工作日内报送联系人名单。");

        // 10-01..07 are holidays; Saturday 10-08 and Sunday 10-09 were working days.
        Assert.False(due.NeedsReview);
        Assert.Equal(new DateOnly(2022, 10, 10), due.Date);
        Assert.Contains("from the signing date 2022-09-30", due.Basis);
    }

    [Theory]
    [InlineData("1个月内", "本方案印发后1个月内制定实施细则。", "2022-10-30")]
    [InlineData("两周内", "本通知下发后两周内完成摸底。", "2022-10-14")]
    [InlineData("十五日内", "自本通知发布之日起十五日内完成自查。", "2022-10-15")]
    [InlineData("十五个工作日内", "自本通知印发之日起十五个工作日内报送。", "2022-10-26")]
    [InlineData("3个自然日内", "本通知印发后3个自然日内报送。", "2022-10-03")]
    public void Other_units_and_chinese_numerals_count_from_the_signing_date(string phrase, string excerpt, string expected)
    {
        var due = Relative(phrase, excerpt);
        Assert.False(due.NeedsReview, due.ReviewReason);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due.Date);
    }

    [Theory]
    [InlineData("10个工作日内", "对符合居住证办理条件的，应当自受理之日起10个工作日内发放居住证。", "counted from an event")]
    [InlineData("3个工作日内", "明确补助对象和金额的3个工作日内拨付到位。", "does not name")]
    [InlineData("5个工作日内", "及时公开3个工作日内完成新开办企业、5个工作日内完成不动产登记。", "does not name")]
    [InlineData("24小时内", "发生突发事件后24小时内上报。", "hours")]
    public void Rules_of_procedure_wait_for_review_with_the_day_they_would_have(string phrase, string excerpt, string reason)
    {
        var due = Relative(phrase, excerpt);
        Assert.True(due.NeedsReview);
        Assert.Contains(reason, due.ReviewReason);
        if (!phrase.Contains("小时", StringComparison.Ordinal)) Assert.NotNull(due.Date); // the suggestion the admin sees
    }

    [Fact]
    public void Without_a_signing_date_or_a_readable_length_nothing_is_guessed()
    {
        Assert.True(DueDateResolver.Resolve(Parsed("3个工作日内", "本通知印发后3个工作日内"), null, WorkingCalendar.China).NeedsReview);
        // 若干 is no number: the parser finds no limit there, and a relative limit without a span is not counted.
        Assert.Empty(DeadlineFinder.FindAll("本通知印发后若干工作日内", Signed));
        Assert.True(DueDateResolver.Resolve(new Deadline("若干工作日内", null, DeadlineKind.Relative), Signed, WorkingCalendar.China).NeedsReview);
    }

    [Fact]
    public void Limits_that_are_no_count_of_days_weeks_or_months_wait_without_a_suggested_day()
    {
        // 次月10日前 is the 10th of the month after, not 10 days on; years are a horizon (未来五年), not counted.
        foreach (var (phrase, text) in new[] { ("次月10日前", "本通知印发后次月10日前报送。"), ("一年内", "本意见印发后一年内完成清理。") })
        {
            var due = Relative(phrase, text);
            Assert.Equal(("relative limit without a readable length", (DateOnly?)null), (due.ReviewReason, due.Date));
        }
    }

    [Fact]
    public void Fixed_days_stand_unless_they_fall_before_the_signing_date()
    {
        var ahead = DueDateResolver.Resolve(new Deadline("年底前", new DateOnly(2022, 12, 31), DeadlineKind.Deadline), Signed, WorkingCalendar.China);
        Assert.Equal((new DateOnly(2022, 12, 31), false), (ahead.Date, ahead.NeedsReview));

        var past = DueDateResolver.Resolve(new Deadline("6月底前", new DateOnly(2022, 6, 30), DeadlineKind.Deadline), Signed, WorkingCalendar.China);
        Assert.True(past.NeedsReview);
        Assert.Contains("before the document was signed", past.ReviewReason);

        Assert.True(DueDateResolver.Resolve(new Deadline("近期", null, DeadlineKind.Deadline), Signed, WorkingCalendar.China).NeedsReview);
    }

    [Fact]
    public void Repeating_limits_keep_their_rule_and_vague_ones_wait()
    {
        var monthly = DueDateResolver.Resolve(Parsed("每月10日前", "每月10日前报送工作进展。"), Signed, WorkingCalendar.China);
        Assert.Equal(new RecurrenceRule(RecurrencePeriod.Monthly, null, 10), monthly.Recurrence);
        Assert.False(monthly.NeedsReview);

        Assert.True(DueDateResolver.Resolve(new Deadline("定期", null, DeadlineKind.Recurring), Signed, WorkingCalendar.China).NeedsReview);
    }
}

public class ReminderSettingsTests
{
    [Fact]
    public void Offsets_come_from_configuration_and_nonsense_is_refused_at_start()
    {
        Assert.Equal([30, 7, 1, 0], ReminderSettings.Parse(null, null).Offsets);
        var configured = ReminderSettings.Parse("0, 14,3", "10");
        Assert.Equal([14, 3, 0], configured.Offsets);
        Assert.Equal((10, 14), (configured.OverdueWindowDays, configured.TargetOffset));
        Assert.Throws<FormatException>(() => ReminderSettings.Parse("7,-1", null));
        Assert.Throws<FormatException>(() => ReminderSettings.Parse("a week", null));
        Assert.Throws<FormatException>(() => ReminderSettings.Parse(",", null));
        Assert.Throws<FormatException>(() => ReminderSettings.Parse(null, "soon"));
    }
}
