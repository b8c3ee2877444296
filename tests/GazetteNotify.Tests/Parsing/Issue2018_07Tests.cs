using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;
using static GazetteNotify.Tests.Support.Samples;

namespace GazetteNotify.Tests.Parsing;

/// <summary>聊城市人民政府公报 2018年第7期（总第184期）. Expectations written by reading the issue.</summary>
public class Issue2018_07Tests
{
    private const string Sample = Issue2018_07;

    [Fact]
    public void Masthead_is_read_from_the_cover() => SampleExpectations.Masthead(Sample, 2018, 7, 184);

    public static TheoryData<int, string, string?, string, string?, string?, int?, string?> TocDocuments => new()
    {
        { 0, "市政府文件", "聊政发〔2018〕34号", "关于严格土地管理的意见", "聊城市人民政府", "2018-07-11", 2, "意见" },
        { 1, "市政府文件", "聊政发〔2018〕35号", "关于印发《聊城市中医药振兴发展实施方案（2018-2030年）》的通知", "聊城市人民政府", "2018-07-13", 4, "实施方案" },
        { 2, "市政府文件", "聊政发〔2018〕36号", "关于促进聊城市城区初中教育优质均衡发展的意见", "聊城市人民政府", "2018-07-17", 12, "意见" },
        { 3, "市政府办公室文件", "聊政办发〔2018〕13号", "关于印发《聊城市城镇人口密集区危险化学品生产企业搬迁改造工作实施方案》的通知", "聊城市人民政府办公室", "2018-07-11", 14, "实施方案" },
        { 4, "市政府办公室文件", "聊政办发〔2018〕14号", "关于印发《聊城市突发公共卫生事件应急预案》的通知", "聊城市人民政府办公室", "2018-07-13", 19, "预案" },
        { 5, "市政府办公室文件", "聊政办发〔2018〕15号", "关于印发《聊城市城乡居民家庭经济状况核对办法》的通知", "聊城市人民政府办公室", "2018-07-16", 31, "办法" },
        { 6, "市政府办公室文件", "聊政办发〔2018〕16号", "关于印发《聊城市全面推进政务公开工作实施方案》的通知", "聊城市人民政府办公室", "2018-07-18", 35, "实施方案" },
        { 7, "市政府办公室文件", "聊政办发〔2018〕17号", "关于印发《聊城市县级政府耕地保护责任目标考核办法》的通知", "聊城市人民政府办公室", "2018-07-25", 49, "办法" },
        { 8, "政务动态", null, "聊城市人民政府大事记（2018年6月）", "聊城市人民政府", null, 52, "大事记" },
    };

    [Theory]
    [MemberData(nameof(TocDocuments))]
    public void Every_toc_document_is_read_in_order(int index, string section, string? docNumber, string title, string? issuer, string? signedOn, int? page, string? kind) =>
        SampleExpectations.TocDocument(Sample, 9, index, section, docNumber, title, issuer, signedOn, page, kind);

    [Fact]
    public void The_land_opinion_gets_its_ending_and_signature_back_from_page_13()
    {
        var text = TextOf(Sample, "聊政发〔2018〕34号");
        Assert.Contains("一律不准开工建设", text);
        Assert.Contains("凡是履职不到位的必须严肃追责", text);
        Assert.DoesNotContain("凡是履职不到位的必须严肃追责", TextOf(Sample, "聊政发〔2018〕36号"));
        Assert.Equal(Date("2018-07-17"), Document(Sample, "聊政发〔2018〕36号").SignedDate);
    }

    [Fact]
    public void Two_fragments_printed_back_to_back_on_page_18_go_to_two_documents()
    {
        var plan = TextOf(Sample, "聊政办发〔2018〕14号");
        Assert.Contains("造成的人数众多或者伤亡较重的中毒事件", plan);
        Assert.Contains("本预案自印发之日起实施", plan);
        Assert.DoesNotContain("申请家庭不如实提供相关情况", plan);
        var check = TextOf(Sample, "聊政办发〔2018〕15号");
        Assert.Contains("申请家庭不如实提供相关情况", check);
        Assert.DoesNotContain("中毒事件", TextOf(Sample, "聊政办发〔2018〕13号"));

        var emergency = Document(Sample, "聊政办发〔2018〕14号");
        Assert.Equal(["聊政办发〔2006〕71号"], emergency.Repeals);
        Assert.Equal(Date("2018-07-13"), emergency.Effective?.From);
        var household = Document(Sample, "聊政办发〔2018〕15号");
        Assert.Equal(Date("2018-09-01"), household.Effective?.From);
        Assert.Equal(Date("2023-08-31"), household.Effective?.Until);
    }

    [Fact]
    public void The_chronicle_fragment_printed_before_it_is_joined_at_its_end()
    {
        var chronicle = TextOf(Sample, "聊城市人民政府大事记（2018年6月）");
        Assert.Contains("市领导宋军继、张旋宇", chronicle);
        Assert.DoesNotContain("宋军继、张旋宇、李春田、郭建民", TextOf(Sample, "聊政办发〔2018〕17号"));
    }

    [Fact]
    public void First_listed_unit_leads_where_the_plan_says_so()
    {
        // 列第一位者为牵头部门或单位，其他部门和单位按职责分工负责，下同。
        var tasks = Document(Sample, "聊政发〔2018〕35号").Tasks;
        var first = tasks.First(t => t.Item == "1");
        Assert.Equal(["市卫计委"], first.Lead);
        Assert.Equal(["市发改委", "市人社局", "市财政局"], first.Support);
    }

    [Fact]
    public void Responsibility_division_lines_name_lead_and_support()
    {
        // 责任分工：市发改委牵头，市经信委、市质监局配合，各县（市、区）政府、市属开发区管委会、市直各部门负责落实。
        var first = Document(Sample, "聊政办发〔2018〕16号").Tasks.First(t => t.Item == "（1）");
        Assert.Equal(["市发改委"], first.Lead);
        Assert.Contains("市经信委", first.Support);
        Assert.Contains("市质监局", first.Support);
    }

    [Fact]
    public void Relocation_plan_resolves_every_stage_deadline()
    {
        var deadlines = Document(Sample, "聊政办发〔2018〕13号").Deadlines;
        Assert.Contains(deadlines, d => d.Text == "2018年7月底前" && d.Date == Date("2018-07-31"));
        Assert.Contains(deadlines, d => d.Text == "2018年9月15日前" && d.Date == Date("2018-09-15"));
        Assert.Contains(deadlines, d => d.Text.Contains("2021年年底") && d.Date == Date("2021-12-31"));
        Assert.Contains(deadlines, d => d.Text.Contains("2025年年底") && d.Date == Date("2025-12-31"));
    }

    [Fact]
    public void Farmland_assessment_has_yearly_recurring_limits()
    {
        var deadlines = Document(Sample, "聊政办发〔2018〕17号").Deadlines;
        Assert.Contains(deadlines, d => d.Text.Contains("每年2月底前") && d.Kind == DeadlineKind.Recurring && d.Date is null);
    }

    [Fact]
    public void The_land_opinion_sets_2020_targets()
    {
        Assert.Contains(Document(Sample, "聊政发〔2018〕34号").Deadlines,
            d => d.Kind == DeadlineKind.Target && d.Date == Date("2020-12-31"));
    }
}
