using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;
using static GazetteNotify.Tests.Support.Samples;

namespace GazetteNotify.Tests.Parsing;

/// <summary>聊城市人民政府公报 2019年第8期（总第197期）. Expectations written by reading the issue.</summary>
public class Issue2019_08Tests
{
    private const string Sample = Issue2019_08;

    [Fact]
    public void Masthead_is_read_from_the_cover() => SampleExpectations.Masthead(Sample, 2019, 8, 197);

    public static TheoryData<int, string, string?, string, string?, string?, int?, string?> TocDocuments => new()
    {
        { 0, "市政府文件", "聊政发〔2019〕11号", "关于印发《聊城市推进新型智慧城市建设三年行动计划（2019—2021年）》的通知", "聊城市人民政府", "2019-08-06", 2, "行动计划" },
        { 1, "市政府文件", "聊政发〔2019〕12号", "关于印发《聊城市优化提升工程建设项目审批制度改革实施方案》的通知", "聊城市人民政府", "2019-08-19", 11, "实施方案" },
        { 2, "市政府办公室文件", "聊政办字〔2019〕29号", "关于印发《聊城市落实省免疫无口蹄疫区和无高致病性禽流感区建设工作实施方案》的通知", "聊城市人民政府办公室", "2019-08-05", 32, "实施方案" },
        { 3, "市政府办公室文件", "聊政办字〔2019〕30号", "关于印发《聊城市聚焦企业和群众关切深化“一窗受理·一次办好”改革落实工作方案》的通知", "聊城市人民政府办公室", "2019-08-06", 34, "工作方案" },
        { 4, "市政府办公室文件", "聊政办字〔2019〕31号", "关于印发《邀请市民代表列席市政府常务会议工作制度》的通知", "聊城市人民政府办公室", "2019-08-27", 39, "制度" },
        { 5, "部门文件", "聊医保发〔2019〕47号", "关于印发《聊城市基本医疗保险定点医药机构协议管理办法》的通知", "聊城市医疗保障局", "2019-07-31", 41, "办法" },
        { 6, "政务动态", "聊政任〔2019〕8号", "关于任免吴杨等工作人员职务的通知", "聊城市人民政府", "2019-08-23", 49, "任免" },
        { 7, "政务动态", null, "聊城市人民政府大事记（2019年7月）", "聊城市人民政府", null, 50, "大事记" },
    };

    [Theory]
    [MemberData(nameof(TocDocuments))]
    public void Every_toc_document_is_read_in_order(int index, string section, string? docNumber, string title, string? issuer, string? signedOn, int? page, string? kind) =>
        SampleExpectations.TocDocument(Sample, 8, index, section, docNumber, title, issuer, signedOn, page, kind);

    [Fact]
    public void Smart_city_plan_splits_lead_from_responsible_units_and_repeals_the_2016_plan()
    {
        var plan = Document(Sample, "聊政发〔2019〕11号");
        Assert.Equal("聊城市推进新型智慧城市建设三年行动计划（2019—2021年）", plan.AttachmentTitle);
        var item6 = plan.Tasks.Single(t => t.Item == "6");
        Assert.Equal(["市委政法委"], item6.Lead);
        Assert.Equal(["市公安局", "市大数据局", "市城管局", "各县（市、区）政府", "市属开发区管委会"], item6.Support);
        var item15 = plan.Tasks.Single(t => t.Item == "15");
        Assert.Equal(["市应急局"], item15.Lead);
        Assert.Contains("市消防救援支队", item15.Support);
        // The clause of item 8 was pushed onto a line of its own by a page break: it still closes item 8.
        Assert.Equal(["市城管局"], plan.Tasks.Single(t => t.Item == "8").Lead);
        Assert.Contains("聊政办字〔2016〕32号", plan.Repeals);
        Assert.Contains("国发〔2018〕27号", plan.References);
        Assert.Contains(plan.Tasks.Single(t => t.Item == "16").Deadlines, d => d.Text == "2019年年底前" && d.Date == Date("2019-12-31"));
    }

    [Fact]
    public void Approval_reform_clauses_carry_their_completion_limits()
    {
        var reform = Document(Sample, "聊政发〔2019〕12号");
        var first = reform.Tasks.First(t => t.Item == "（1）");
        Assert.Equal(["市自然资源和规划局"], first.Lead);
        Assert.Contains(first.Deadlines, d => d.Date == Date("2019-08-31"));
        Assert.Contains(reform.Tasks, t => t.Deadlines.Any(d => d.Text.Contains("12月底") && d.Date == Date("2019-12-31")));
        Assert.Contains("国办发〔2019〕11号", reform.References);
        Assert.Contains("聊政办字〔2016〕71号", reform.References);
    }

    [Fact]
    public void Rows_of_the_task_breakdown_table_become_tasks()
    {
        var tasks = Document(Sample, "聊政发〔2019〕12号").Tasks;
        var row4 = tasks.Single(t => t.Item == "4" && t.Lead.SequenceEqual(["市自然资源和规划局"]));
        Assert.Contains(row4.Deadlines, d => d.Text == "2019年8月底" && d.Date == Date("2019-08-31"));
        var row40 = tasks.Single(t => t.Item == "40");
        Assert.Equal(["市发展改革委"], row40.Lead);
        Assert.Contains(row40.Deadlines, d => d.Date == Date("2019-12-31"));
    }

    [Fact]
    public void Continuation_on_page_17_goes_back_to_the_one_window_plan()
    {
        var text = TextOf(Sample, "聊政办字〔2019〕30号");
        Assert.Contains("厘清行政审批局与主管部门的权责", text);
        Assert.Contains("逐步提高业务能力", text);
        Assert.DoesNotContain("逐步提高业务能力", TextOf(Sample, "聊政发〔2019〕12号"));
        // The reform plan keeps its own attachments that follow the fragment.
        Assert.Contains("社会投资民用建筑工程审批流程图", TextOf(Sample, "聊政发〔2019〕12号"));
    }

    [Fact]
    public void Continuation_on_page_49_goes_back_to_the_medical_insurance_measures()
    {
        var text = TextOf(Sample, "聊医保发〔2019〕47号");
        Assert.Contains("签订了愿意为参保人员提供质优价实医药服务的承", text);
        Assert.Contains("定点零售药店标准", text);
        Assert.DoesNotContain("定点零售药店标准", TextOf(Sample, "聊政任〔2019〕8号"));
        var measures = Document(Sample, "聊医保发〔2019〕47号");
        Assert.Equal(Date("2019-09-01"), measures.Effective?.From);
        Assert.Equal(Date("2022-08-31"), measures.Effective?.Until);
    }

    [Fact]
    public void Working_system_takes_effect_on_signing()
    {
        var system = Document(Sample, "聊政办字〔2019〕31号");
        Assert.Equal(Date("2019-08-27"), system.Effective?.From);
        Assert.Null(system.Effective?.Until);
    }

    [Fact]
    public void One_window_plan_cites_the_provincial_notice_and_the_credit_opinion()
    {
        var references = Document(Sample, "聊政办字〔2019〕30号").References;
        Assert.Contains("鲁政办字〔2019〕83号", references);
        Assert.Contains("聊政发〔2018〕21号", references);
        Assert.DoesNotContain("聊政办字〔2019〕30号", references);
    }
}
