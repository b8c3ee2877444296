using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using static GazetteNotify.Tests.Support.Samples;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// A third layout, plain text: 【】 sections, each TOC title with its number in brackets on the next line, the issuer
/// in front of the title and the title on its own line in the body, a page turn (page number and running header)
/// inside a sentence, （转第N页）/（接第N页） markers, clauses with 完成时限, a tab table with 责任单位 and 完成时限.
/// </summary>
public class PlainTextGazetteTests
{
    private static readonly Lazy<GazetteIssue> Parsed = new(() =>
        GazetteParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plain-city-2023-03.txt"))).Issue!);

    private static GazetteDocument Doc(int index) => Parsed.Value.Documents[index];

    [Fact]
    public void Toc_and_masthead()
    {
        var issue = Parsed.Value;
        Assert.Equal(("济宁市人民政府公报", 2023), (issue.Gazette.Title, issue.Gazette.Year));
        Assert.Equal([3], issue.Gazette.IssueNumbers);
        Assert.Equal([150], issue.Gazette.CumulativeNumbers);
        Assert.Equal(["济政发〔2023〕5号", "济政办字〔2023〕8号", null], issue.Documents.Select(d => d.DocNumber));
        Assert.Equal([2, 6, 9], issue.Documents.Select(d => d.TocPage));
        Assert.Equal(["市政府文件", "市政府办公室文件", "政务信息"], issue.Documents.Select(d => d.Section));
        Assert.Empty(issue.Warnings);
    }

    [Fact]
    public void The_plan_is_read_with_its_attachment_signature_and_validity()
    {
        var plan = Doc(0);
        Assert.Equal("济宁市人民政府", plan.Issuer);
        Assert.Equal(Date("2023-02-28"), plan.SignedDate);
        Assert.Equal("济宁市优化营商环境三年行动方案", plan.AttachmentTitle);
        Assert.Equal(Date("2023-02-28"), plan.Effective?.From); // 自印发之日起施行
        Assert.Equal(Date("2025-12-31"), plan.Effective?.Until);
        // The repeal sentence was printed on page 8, inside the next document: （转第8页） … （接第5页）.
        Assert.Equal(["济政发〔2020〕12号"], plan.Repeals);
        Assert.Empty(Doc(1).Repeals);
    }

    [Fact]
    public void Clauses_rows_and_a_sentence_broken_by_a_page_turn()
    {
        var tasks = Doc(0).Tasks;
        Assert.Equal(["（一）", "（二）", "（三）", "1", "2"], tasks.Select(t => t.Item));
        Assert.Equal(["市行政审批服务局"], tasks[0].Lead);
        Assert.Equal(["市大数据中心", "市直有关部门"], tasks[0].Support);
        var limit = Assert.Single(tasks[0].Deadlines);
        Assert.Equal(("2023年6月底前", Date("2023-06-30")), (limit.Text, limit.Date));
        Assert.Equal(["人民银行济宁市中心支行", "济宁银保监分局"], tasks[1].Support);
        Assert.Contains(tasks[1].Deadlines, d => d.Text == "每季度" && d.Kind == DeadlineKind.Recurring);
        Assert.Equal(["市住房城乡建设局"], tasks[2].Support);
        Assert.Equal(["市市场监管局"], tasks[3].Lead);
        Assert.Contains(tasks[3].Deadlines, d => d.Date == Date("2023-09-30"));
        Assert.Contains(tasks[4].Deadlines, d => d.Kind == DeadlineKind.Recurring);
    }

    [Fact]
    public void The_notice_resolves_a_day_without_a_year_and_a_clause_without_a_label()
    {
        var notice = Doc(1);
        Assert.Equal("济宁市人民政府办公室", notice.Issuer);
        Assert.Equal(Date("2023-03-03"), notice.SignedDate);
        Assert.Equal(["一", "二"], notice.Tasks.Select(t => t.Item));
        Assert.Contains(notice.Tasks[0].Deadlines, d => d.Text == "3月15日前" && d.Date == Date("2023-03-15"));
        Assert.Equal(["市发展改革委", "市商务局", "市市场监管局"], notice.Tasks[1].Lead);
    }
}
