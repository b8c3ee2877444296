using GazetteNotify.DueDates;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Deadlines;

/// <summary>
/// What the parser states of a relative or repeating limit besides its day — the span and what it counts from, the
/// rule — so that the reminders compute and never read the phrase again.
/// </summary>
public sealed class LimitTermsTests
{
    private static readonly DateOnly Signed = new(2022, 9, 30);

    private static Deadline Only(string text, string phrase) => Assert.Single(DeadlineFinder.FindAll(text, Signed), d => d.Text == phrase);

    [Theory]
    [InlineData("各单位自本通知印发之日起十五个工作日内报送联系人名单。", "十五个工作日内", 15, SpanUnit.WorkingDay)]
    [InlineData("本方案印发后两个月内制定实施细则。", "两个月内", 2, SpanUnit.Month)]
    [InlineData("本通知下发后两周内完成摸底。", "两周内", 2, SpanUnit.Week)]
    [InlineData("请于收到通知后一个星期内反馈。", "一个星期内", 1, SpanUnit.Week)]
    [InlineData("自本通知发布之日起三十日内完成自查。", "三十日内", 30, SpanUnit.Day)]
    [InlineData("本通知印发后 10 天内报送。", "10 天内", 10, SpanUnit.Day)]
    [InlineData("本通知印发后3个自然日内报送。", "3个自然日内", 3, SpanUnit.Day)]
    [InlineData("本通知印发后１２０个工作日内办结。", "１２０个工作日内", 120, SpanUnit.WorkingDay)]
    [InlineData("发生突发事件后24小时内上报。", "24小时内", 24, SpanUnit.Hour)]
    [InlineData("本意见印发后一年内完成清理。", "一年内", 1, SpanUnit.Year)]
    [InlineData("一、未来五年主要工作任务", "未来五年", 5, SpanUnit.Year)]
    [InlineData("今后三个月，全面开展排查。", "今后三个月", 3, SpanUnit.Month)]
    public void A_count_states_its_number_and_unit(string text, string phrase, int count, SpanUnit unit)
    {
        var limit = Only(text, phrase);
        Assert.Equal(DeadlineKind.Relative, limit.Kind);
        Assert.Equal(new LimitSpan(count, unit), limit.Span);
        Assert.Null(limit.Recurrence);
    }

    [Theory]
    // 半 is no whole count; 次月10日前 and 次年的2月底前 are a month of an event's year, not a length (their 10 and 2 are no count).
    [InlineData("本通知印发后半个月内完成。", "半个月内")]
    [InlineData("本通知印发后次月10日前报送。", "次月10日前")]
    [InlineData("在规划期结束后次年的2月底前向市政府报送自查报告。", "次年的2月底前")]
    public void A_relative_limit_without_a_whole_count_states_no_span(string text, string phrase)
    {
        var limit = Only(text, phrase);
        Assert.Equal(DeadlineKind.Relative, limit.Kind);
        Assert.Null(limit.Span);
        Assert.NotNull(limit.Anchor);
    }

    [Theory]
    [InlineData("各单位自本通知印发之日起3个工作日内报送联系人名单。", "3个工作日内", AnchorKind.Document, "各单位自本通知印发之日起")]
    [InlineData("本方案印发后1个月内制定实施细则。", "1个月内", AnchorKind.Document, "本方案印发后")]
    [InlineData("对符合居住证办理条件的，应当自受理之日起10个工作日内发放居住证。", "10个工作日内", AnchorKind.Event, "对符合居住证办理条件的，应当自受理之日起")]
    [InlineData("发生突发事件后24小时内上报。", "24小时内", AnchorKind.Event, "发生突发事件后")]
    [InlineData("明确补助对象和金额的3个工作日内拨付到位。", "3个工作日内", AnchorKind.None, "明确补助对象和金额的")]
    // The clause before starts after 、: nothing is named.
    [InlineData("及时公开3个工作日内完成新开办企业、5个工作日内完成不动产登记。", "5个工作日内", AnchorKind.None, "")]
    // Whitespace between the words (a line break of the PDF) is dropped.
    [InlineData("各单位自本通知 印发\n之日起 3 个工作日内报送。", "3 个工作日内", AnchorKind.Document, "各单位自本通知印发之日起")]
    public void A_relative_limit_states_what_it_counts_from_in_the_words_before_it(string text, string phrase, AnchorKind kind, string words)
    {
        Assert.Equal(new LimitAnchor(kind, words), Only(text, phrase).Anchor);
    }

    [Fact]
    public void The_anchoring_words_are_the_last_thirty_characters_before_the_limit()
    {
        var text = "土地竞买保证金按照起始价的50%缴纳。土地出让合同签订后土地竞得人应在1个月内缴纳出让价款的50%，剩余价款可按约定分期缴纳。";
        Assert.Equal(new LimitAnchor(AnchorKind.Event, "土地出让合同签订后土地竞得人应在"), Only(text, "1个月内").Anchor);

        var longClause = "为进一步优化营商环境提升政务服务效能切实减轻企业负担推动经济社会高质量发展，3个工作日内办结。";
        var anchor = Only(longClause, "3个工作日内").Anchor!;
        Assert.Equal(30, anchor.Words.Length);
        Assert.EndsWith("推动经济社会高质量发展，", anchor.Words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("每月10日前报送工作进展。", "每月10日前", RecurrencePeriod.Monthly, null, 10)]
    [InlineData("每月十日前报送。", "每月十日前", RecurrencePeriod.Monthly, null, 10)]
    [InlineData("每个月15号前报送。", "每个月15号前", RecurrencePeriod.Monthly, null, 15)]
    [InlineData("每月底前报送。", "每月底前", RecurrencePeriod.Monthly, null, null)]
    [InlineData("每季度报送一次。", "每季度", RecurrencePeriod.Quarterly, 3, null)]
    [InlineData("每季度末报送。", "每季度末", RecurrencePeriod.Quarterly, 3, null)]
    [InlineData("请各责任单位于每季度末月20日前将完成情况书面报县政府督查室。", "每季度末月20日前", RecurrencePeriod.Quarterly, 3, 20)]
    [InlineData("每季度首月20日前报送上季度情况。", "每季度首月20日前", RecurrencePeriod.Quarterly, 1, 20)]
    [InlineData("每半年报送一次。", "每半年", RecurrencePeriod.HalfYearly, 6, null)]
    [InlineData("每年七月底前报送。", "每年七月底前", RecurrencePeriod.Yearly, 7, null)]
    [InlineData("各县级政府要于每年2月底前向市政府报送上一年度自查情况报告。", "每年2月底前", RecurrencePeriod.Yearly, 2, null)]
    [InlineData("每年三月十五日前报送。", "每年三月十五日前", RecurrencePeriod.Yearly, 3, 15)]
    [InlineData("每年年底前报送。", "每年年底前", RecurrencePeriod.Yearly, 12, null)]
    public void A_repeating_limit_states_its_rule(string text, string phrase, RecurrencePeriod period, int? month, int? day)
    {
        var limit = Only(text, phrase);
        Assert.Equal(DeadlineKind.Recurring, limit.Kind);
        Assert.Equal(new RecurrenceRule(period, month, day), limit.Recurrence);
        Assert.Equal(day is null, limit.Recurrence!.LastDay);
        Assert.Null(limit.Span);
        Assert.Null(limit.Anchor);
    }

    [Theory]
    [InlineData("每周五前报送本周情况。", "每周五前")]
    [InlineData("每月上旬前报送。", "每月上旬前")]
    [InlineData("每年7月前报送。", "每年7月前")]
    [InlineData("每年上半年报送。", "每年上半年")]
    public void A_repeating_limit_that_names_no_day_states_no_rule(string text, string phrase)
    {
        var limit = Only(text, phrase);
        Assert.Equal(DeadlineKind.Recurring, limit.Kind);
        Assert.Null(limit.Recurrence);
    }

    [Theory]
    [InlineData("加快债券支出进度，6月底前基本发行完毕。", "6月底前")]
    [InlineData("到2025年，全面建成智慧医保平台。", "到2025年")]
    public void Dated_limits_and_targets_state_only_their_day(string text, string phrase)
    {
        var limit = Only(text, phrase);
        Assert.NotNull(limit.Date);
        Assert.Equal((null, null, null), (limit.Span, limit.Anchor, limit.Recurrence));
    }

    [Fact]
    public void A_limit_written_twice_in_one_item_is_one_limit_counted_from_where_it_is_first_written()
    {
        var issue = GazetteParser.ParseText("""
            济南市人民政府办公厅关于做好政务服务事项办理工作的通知
            济政办字〔2024〕15号
            各区县人民政府，市政府各部门：
            一、各单位自本通知印发之日起3个工作日内报送联络员名单，收到申请后3个工作日内办结。（责任单位：市行政审批局）
            济南市人民政府办公厅
            2024年3月8日
            """).Issue!;

        var limit = Assert.Single(Assert.Single(issue.Documents.Single().Tasks).Deadlines);
        Assert.Equal(new LimitAnchor(AnchorKind.Document, "各单位自本通知印发之日起"), limit.Anchor);
        Assert.Equal(new LimitSpan(3, SpanUnit.WorkingDay), limit.Span);
    }
}
