using System.Globalization;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Deadlines;

/// <summary>
/// A 完成时限 field (a table's time column, a 完成时限： label) is a limit by where it stands: the forms other cities
/// write there, from the corpus, and what each means to the department reminded of it.
/// </summary>
public sealed class LimitFieldTests
{
    private static readonly DateOnly Anchor = new(2016, 2, 26);

    [Theory]
    [InlineData("9月投入使用", "2016-09-30")]    // 大竹县 2016: a bare month is that month's end, whatever the verb
    [InlineData("2016年11月开工", "2016-11-30")]
    [InlineData("5月底前动工", "2016-05-31")]    // the limit and what is due by it, kept together
    [InlineData("12月底前", "2016-12-31")]
    [InlineData("2021年12月31日", "2021-12-31")] // a bare date under a time label: the day itself
    public void A_field_is_a_limit_by_position_and_keeps_what_is_due_by_it(string field, string date)
    {
        var (limits, ongoing) = LimitField.Read(field, Anchor);

        var limit = Assert.Single(limits);
        Assert.Equal(field, limit.Text);
        Assert.Equal(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), limit.Date);
        Assert.Equal(DeadlineKind.Deadline, limit.Kind);
        Assert.Null(ongoing);
    }

    [Theory]
    [InlineData("全年")]     // 霍山县 2025
    [InlineData("长期坚持")]
    [InlineData("持续推进")]
    [InlineData("常态化推进")]
    public void A_field_that_sets_no_end_is_ongoing_with_no_date(string field)
    {
        var (limits, ongoing) = LimitField.Read(field, Anchor);

        Assert.Empty(limits);
        Assert.Equal(field, ongoing?.Text);
    }

    [Fact]
    public void The_years_target_heading_is_met_by_the_years_end()
    {
        var (limits, _) = LimitField.Read("全年目标任务", new DateOnly(2023, 1, 1));

        Assert.Equal([new Deadline("全年目标任务", new DateOnly(2023, 12, 31), DeadlineKind.Target)], limits);
    }

    [Theory]
    [InlineData("已进场施工,完成60%。")] // a progress cell, not a time
    [InlineData("9月中旬召开")]          // read by the finder, not as a month's end
    [InlineData("")]
    public void Other_words_are_not_read_as_a_months_end(string field)
    {
        var (limits, ongoing) = LimitField.Read(field, Anchor);

        Assert.DoesNotContain(limits, l => l.Date == new DateOnly(2016, 9, 30));
        Assert.Null(ongoing);
    }

    [Fact]
    public void A_table_row_carries_its_fields_limit_and_the_document_lists_it_once()
    {
        // 大竹县 2016, one cell per line: the text scan alone would give the bare 5月底前 beside the field's 5月底前动工.
        var text = string.Join('\n',
            "大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知", "", "2016年民生实事目标任务分解表",
            "序号", "民生实事", "责任单位", "完成时限",
            "1", "新建2座人行天桥。", "县住建局", "9月投入使用",
            "2", "建成县残疾人综合服务中心。", "县残联", "5月底前动工",
            "3", "开发区重点工作。", "招商工作部", "全年");

        var document = Assert.Single(GazetteParser.ParseText(text).Issue!.Documents);

        Assert.Equal(["5月底前动工", "9月投入使用"], document.Deadlines.Select(d => d.Text).Order());
        Assert.Equal(["9月投入使用", "5月底前动工"], document.Tasks.SelectMany(t => t.Deadlines).Select(d => d.Text));
        Assert.Equal([new OngoingLimit("全年")], document.Tasks[2].Ongoing);
        Assert.Equal([new OngoingLimit("全年")], document.Ongoing);
    }
}
