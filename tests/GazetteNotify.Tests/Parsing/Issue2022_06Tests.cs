using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;
using static GazetteNotify.Tests.Support.Samples;

namespace GazetteNotify.Tests.Parsing;

/// <summary>聊城市人民政府公报 2022年第6期（总第231期）. Expectations written by reading the issue.</summary>
public class Issue2022_06Tests
{
    private const string Sample = Issue2022_06;

    [Fact]
    public void Masthead_is_read_from_the_cover() => SampleExpectations.Masthead(Sample, 2022, 6, 231);

    public static TheoryData<int, string, string?, string, string?, string?, int?, string?> TocDocuments => new()
    {
        { 0, "市政府文件", "聊政发〔2022〕6号", "关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", "聊城市人民政府", "2022-06-06", 2, "意见" },
        { 1, "市政府办公室文件", "聊政办字〔2022〕22号", "关于印发聊城市居住证实施办法的通知", "聊城市人民政府办公室", "2022-06-20", 7, "办法" },
        { 2, "市政府办公室文件", "聊政办字〔2022〕23号", "印发关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的实施方案的通知", "聊城市人民政府办公室", "2022-06-20", 10, "实施方案" },
        { 3, "市政府办公室文件", "聊政办字〔2022〕24号", "印发关于开展干部助企远航行动的实施方案的通知", "聊城市人民政府办公室", "2022-06-14", 12, "实施方案" },
        { 4, "市政府办公室文件", "聊政办字〔2022〕25号", "关于明确聊城市劳动和社会保障监察管辖范围的通知", "聊城市人民政府办公室", "2022-06-14", 15, "通知" },
        { 5, "市政府办公室文件", "聊政办字〔2022〕26号", "关于印发聊城市建立健全职工基本医疗保险门诊共济保障机制实施细则的通知", "聊城市人民政府办公室", "2022-06-30", 16, "实施细则" },
        { 6, "政务动态", null, "聊城市人民政府大事记(2022年6月)", "聊城市人民政府", null, 20, "大事记" },
    };

    [Theory]
    [MemberData(nameof(TocDocuments))]
    public void Every_toc_document_is_read_in_order(int index, string section, string? docNumber, string title, string? issuer, string? signedOn, int? page, string? kind) =>
        SampleExpectations.TocDocument(Sample, 7, index, section, docNumber, title, issuer, signedOn, page, kind);

    [Fact]
    public void Attachment_titles_of_covering_notices_are_the_attached_texts()
    {
        Assert.Equal("聊城市居住证实施办法", Document(Sample, "聊政办字〔2022〕22号").AttachmentTitle);
        Assert.Equal("关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的实施方案", Document(Sample, "聊政办字〔2022〕23号").AttachmentTitle);
        Assert.Equal("聊城市建立健全职工基本医疗保险门诊共济保障机制实施细则", Document(Sample, "聊政办字〔2022〕26号").AttachmentTitle);
        Assert.Null(Document(Sample, "聊政发〔2022〕6号").AttachmentTitle);
        Assert.Null(Document(Sample, "聊政办字〔2022〕25号").AttachmentTitle);
    }

    [Fact]
    public void Every_numbered_measure_of_the_opinion_has_its_responsible_units()
    {
        var tasks = Document(Sample, "聊政发〔2022〕6号").Tasks;
        Assert.Equal(Enumerable.Range(1, 23).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), tasks.Select(t => t.Item));
        Assert.Equal(["市财政局", "市税务局"], tasks[0].Lead);
        Assert.Equal(["市地方金融监管局", "人行聊城市中心支行", "聊城银保监分局", "市财政局"], tasks[2].Lead);
        Assert.Equal(["市发展改革委", "国网聊城供电公司"], tasks[13].Lead);
        Assert.Equal(["市应急局", "市住房城乡建设局"], tasks[22].Lead); // 市住房城乡建设局等 → 等 dropped
        Assert.All(tasks, t => Assert.Empty(t.Support));
    }

    [Fact]
    public void Measure_2_carries_its_bond_deadlines_and_payment_limits()
    {
        var deadlines = Document(Sample, "聊政发〔2022〕6号").Tasks[1].Deadlines;
        Assert.Contains(deadlines, d => d.Text == "6月底前" && d.Date == Date("2022-06-30") && d.Kind == DeadlineKind.Deadline);
        Assert.Contains(deadlines, d => d.Text == "8月底前" && d.Date == Date("2022-08-31") && d.Kind == DeadlineKind.Deadline);
        Assert.Contains(deadlines, d => d.Text == "3个工作日内" && d.Date is null && d.Kind == DeadlineKind.Relative);
        // "10个工作\n\n日内" was broken across a page: rejoined, it is one relative limit.
        Assert.Contains(deadlines, d => d.Text == "10个工作日内" && d.Kind == DeadlineKind.Relative);
    }

    [Fact]
    public void Measure_15_and_16_resolve_month_ends_in_the_signing_year()
    {
        var tasks = Document(Sample, "聊政发〔2022〕6号").Tasks;
        Assert.Contains(tasks[14].Deadlines, d => d.Text == "年底前" && d.Date == Date("2022-12-31"));
        Assert.Contains(tasks[15].Deadlines, d => d.Text.Replace(" ", "") == "6月底前" && d.Date == Date("2022-06-30"));
        Assert.Contains(tasks[3].Deadlines, d => d.Text.Replace(" ", "") == "2023年底前" && d.Date == Date("2023-12-31"));
    }

    [Fact]
    public void Continuation_on_page_6_goes_back_to_the_household_registration_plan()
    {
        var plan = Document(Sample, "聊政办字〔2022〕23号");
        var planText = TextOf(Sample, "聊政办字〔2022〕23号");
        Assert.Contains("加大城镇教育、医疗卫生、住房保障等基本公共服务保障力度", planText);
        Assert.Equal(Date("2022-08-01"), plan.Effective?.From);
        Assert.Contains(plan.Tasks, t => t.Item == "（一）" && t.Lead.SequenceEqual(["市教育体育局", "市公安局", "市卫生健康委", "市住房城乡建设局"]));

        var opinion = Document(Sample, "聊政发〔2022〕6号");
        Assert.DoesNotContain("基本公共服务保障力度", TextOf(Sample, "聊政发〔2022〕6号"));
        Assert.Null(opinion.Effective);
        Assert.Equal(23, opinion.Tasks.Count);
    }

    [Fact]
    public void A_clause_after_a_run_of_sub_items_belongs_to_the_item_above_them()
    {
        var tasks = Document(Sample, "聊政办字〔2022〕23号").Tasks;
        Assert.Contains(tasks, t => t.Item == "（一）" && t.Lead.SequenceEqual(["市自然资源和规划局", "市人力资源社会保障局", "市公安局"]));
        Assert.Contains(tasks, t => t.Item == "（二）" && t.Lead.SequenceEqual(["市农业农村局", "市退役军人局", "市公安局"]));
        Assert.Contains(tasks, t => t.Item == "（三）" && t.Lead.SequenceEqual(["市公安局", "市大数据局"]));
    }

    [Fact]
    public void Continuation_on_page_14_goes_back_to_the_labour_inspection_notice_and_brings_its_signature()
    {
        var text = TextOf(Sample, "聊政办字〔2022〕25号");
        Assert.Contains("非法用工单位，由用工所在地的县（市、区）人力资源和社会保障部门", text);
        Assert.Contains("本通知由市人力资源和社会保障部门负责解释", text);
        Assert.Equal(Date("2022-06-14"), Document(Sample, "聊政办字〔2022〕25号").SignedDate);
        Assert.DoesNotContain("劳动和社会保障监察", TextOf(Sample, "聊政办字〔2022〕24号"));
    }

    [Fact]
    public void Validity_and_references_of_the_residence_permit_measures()
    {
        var permit = Document(Sample, "聊政办字〔2022〕22号");
        Assert.Equal(Date("2022-08-01"), permit.Effective?.From);
        Assert.Equal(Date("2025-07-31"), permit.Effective?.Until);
        Assert.Contains("有效期至2025年7月31日", permit.Effective?.Text);

        Assert.Equal(["鲁政办字〔2020〕176号"], Document(Sample, "聊政办字〔2022〕23号").References);
        var outpatient = Document(Sample, "聊政办字〔2022〕26号");
        Assert.Equal(["鲁政办发〔2021〕22号"], outpatient.References);
        Assert.Equal(Date("2023-01-01"), outpatient.Effective?.From);
    }

    [Fact]
    public void Outpatient_rules_list_their_dated_and_target_limits()
    {
        var deadlines = Document(Sample, "聊政办字〔2022〕26号").Deadlines;
        Assert.Contains(deadlines, d => d.Text == "2022年年底前" && d.Date == Date("2022-12-31") && d.Kind == DeadlineKind.Deadline);
        Assert.Contains(deadlines, d => d.Text.Contains("2023年年底") && d.Date == Date("2023-12-31"));
        Assert.Contains(deadlines, d => d.Text.Contains("2025年") && d.Date == Date("2025-12-31") && d.Kind == DeadlineKind.Target);
        Assert.DoesNotContain(deadlines, d => d.Date == Date("2023-01-01")); // 自2023年1月1日起施行 is validity, not a deadline
    }

    [Fact]
    public void The_chronicle_has_no_signature_and_no_tasks()
    {
        var chronicle = Issue(Sample).Documents[^1];
        Assert.Null(chronicle.SignedDate);
        Assert.Empty(chronicle.Tasks);
        Assert.Contains("4日", chronicle.Summary);
    }

    [Fact]
    public void Summaries_are_the_documents_own_words()
    {
        var opinion = Document(Sample, "聊政发〔2022〕6号").Summary;
        Assert.Contains("加大财税金融支持力度", opinion);
        Assert.Contains("扩大有效投资", opinion);
        Assert.True(opinion.Length <= 320, opinion);
        Assert.Contains("流动人口", Document(Sample, "聊政办字〔2022〕22号").Summary);
    }
}
