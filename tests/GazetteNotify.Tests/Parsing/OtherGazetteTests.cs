using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using static GazetteNotify.Tests.Support.Samples;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// Another city's gazette in another layout, as a Markdown converter gives it: 【section】 headings, titles with the
/// issuer in front and the doc number in brackets on the same TOC line, a title wrapped inside a list item, dotted
/// leaders of …, a double issue, a document missing from the TOC, Chinese-numeral signing dates, and clause forms the
/// Liaocheng samples lack (（牵头单位：…；配合单位：…）, （责任部门：…）, a pipe table with 责任单位 and 完成时限).
/// </summary>
public class OtherGazetteTests
{
    private static readonly Lazy<ParseResult> Result = new(() =>
        GazetteParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "other-city-2024-09-10.md"))));

    private static GazetteIssue Issue => Result.Value.Issue ?? throw new InvalidOperationException(Result.Value.Rejection);

    private static GazetteDocument Doc(string number) => Issue.Documents.Single(d => d.DocNumber == number);

    [Fact]
    public void Double_issue_masthead()
    {
        Assert.Equal("德州市人民政府公报", Issue.Gazette.Title);
        Assert.Equal(2024, Issue.Gazette.Year);
        Assert.Equal([9, 10], Issue.Gazette.IssueNumbers);
        Assert.Equal([258, 259], Issue.Gazette.CumulativeNumbers);
    }

    [Fact]
    public void Toc_entries_keep_their_order_and_the_uncatalogued_notice_sits_where_it_is_printed()
    {
        Assert.Equal(
            ["德政发〔2024〕12号", "德政办字〔2024〕31号", "德政办字〔2024〕33号", "德政办字〔2024〕35号", "德财采〔2024〕5号", null],
            Issue.Documents.Select(d => d.DocNumber));
        Assert.Equal([3, 8, null, 15, 17, 20], Issue.Documents.Select(d => d.TocPage));
        Assert.Equal(["市政府文件", "市政府办公室文件", "市政府办公室文件", "市政府办公室文件", "部门文件", "人事任免"], Issue.Documents.Select(d => d.Section));
        Assert.Contains(Issue.Warnings, w => w.Contains("德政办字〔2024〕33号") && w.Contains("missing from the table of contents"));
    }

    [Fact]
    public void Titles_drop_the_issuer_printed_in_front_but_keep_it_as_issuer()
    {
        var opinion = Doc("德政发〔2024〕12号");
        Assert.Equal("德州市人民政府关于加快推进新型工业化的实施意见", opinion.Title);
        Assert.Equal("德州市人民政府", opinion.Issuer);
        Assert.Equal("实施意见", opinion.Kind);
        var plan = Doc("德政办字〔2024〕31号");
        Assert.Equal("德州市人民政府办公室关于印发德州市城市更新行动计划（2024—2026年）的通知", plan.Title);
        Assert.Equal("德州市城市更新行动计划（2024—2026年）", plan.AttachmentTitle);
        Assert.Equal("德州市财政局", Doc("德财采〔2024〕5号").Issuer);
    }

    [Fact]
    public void Chinese_numeral_signing_date()
    {
        Assert.Equal(Date("2024-09-20"), Doc("德政发〔2024〕12号").SignedDate);
        Assert.Equal(Date("2024-09-25"), Doc("德政办字〔2024〕31号").SignedDate);
    }

    [Fact]
    public void Lead_and_support_clauses_of_other_forms()
    {
        var tasks = Doc("德政发〔2024〕12号").Tasks;
        Assert.Equal(4, tasks.Count);
        Assert.Equal("（一）", tasks[0].Item);
        Assert.Equal(["市工业和信息化局"], tasks[0].Lead);
        Assert.Equal(["市发展改革委", "市科技局"], tasks[0].Support);
        Assert.Contains(tasks[0].Deadlines, d => d.Text == "2024年12月31日前" && d.Date == Date("2024-12-31"));

        Assert.Equal(["市工业和信息化局", "市大数据局"], tasks[1].Lead);
        Assert.Contains(tasks[1].Deadlines, d => d.Text == "每季度" && d.Kind == DeadlineKind.Recurring);
        Assert.Contains(tasks[1].Deadlines, d => d.Text == "二〇二五年三月底前" && d.Date == Date("2025-03-31"));

        Assert.Equal(["市自然资源和规划局"], tasks[2].Lead);
        Assert.Equal(["市生态环境局", "市行政审批服务局"], tasks[2].Support);
        Assert.Contains(tasks[2].Deadlines, d => d.Text == "5个工作日内" && d.Kind == DeadlineKind.Relative);

        Assert.Equal(["市工业和信息化局"], tasks[3].Lead);
        Assert.Contains(tasks[3].Deadlines, d => d.Text == "每月10日前" && d.Kind == DeadlineKind.Recurring);
    }

    [Fact]
    public void Targets_validity_and_repeals()
    {
        var opinion = Doc("德政发〔2024〕12号");
        Assert.Contains(opinion.Deadlines, d => d.Text == "到2027年" && d.Kind == DeadlineKind.Target && d.Date == Date("2027-12-31"));
        Assert.Equal(Date("2024-10-01"), opinion.Effective?.From);
        Assert.Equal(Date("2029-09-30"), opinion.Effective?.Until);
        Assert.Equal(["德政发〔2020〕8号"], opinion.Repeals);
        Assert.Equal(["鲁政发〔2024〕3号", "德政发〔2020〕8号"], opinion.References);
    }

    [Fact]
    public void Rows_of_a_pipe_table_with_a_completion_column_become_tasks()
    {
        var tasks = Doc("德政办字〔2024〕31号").Tasks;
        Assert.Equal(2, tasks.Count);
        Assert.Equal("1", tasks[0].Item);
        Assert.Equal(["市住房城乡建设局", "各县（市、区）人民政府"], tasks[0].Lead);
        Assert.Contains(tasks[0].Deadlines, d => d.Date == Date("2025-06-30"));
        Assert.Equal("2", tasks[1].Item);
        Assert.Contains(tasks[1].Deadlines, d => d.Date == Date("2026-12-31"));
    }

    [Fact]
    public void A_day_without_a_year_resolves_in_the_signing_year()
    {
        var notice = Doc("德政办字〔2024〕33号");
        var task = Assert.Single(notice.Tasks);
        Assert.Equal(["市应急管理局"], task.Lead);
        Assert.Contains(task.Deadlines, d => d.Text == "10月15日前" && d.Date == Date("2024-10-15"));
    }

    [Fact]
    public void Personnel_list_without_a_number_is_found_by_its_title()
    {
        var list = Issue.Documents[^1];
        Assert.Equal("德州市人民政府任免名单", list.Title);
        Assert.Equal("人事任免", list.Section);
        Assert.Contains("张三", list.Summary);
    }
}
