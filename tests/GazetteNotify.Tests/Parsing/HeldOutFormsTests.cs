using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// Forms the held-out texts (Fixtures/heldout, gathered after the corpus rules were written) showed the parser missing,
/// with their real phrases: a copy that starts at its 发文字号 or its 主送 line, pinyin glosses of a mirror site, officials
/// named before the units of a clause, a field that sets no end, and a document that names no year at all.
/// </summary>
public sealed class HeldOutFormsTests
{
    private static GazetteDocument Single(params string[] lines)
    {
        var parsed = GazetteParser.ParseText(string.Join('\n', lines));
        Assert.Null(parsed.Rejection);
        return Assert.Single(parsed.Issue!.Documents);
    }

    [Fact]
    public void A_copy_starting_at_its_number_and_addressee_is_a_document_named_by_its_number()
    {
        // 甘肃省 2022: the title was on another page.
        var document = Single(
            "甘政发〔2022〕9号",
            "各市、自治州人民政府,兰州新区管委会,省政府各部门,中央在甘各单位:",
            "为全面完成省十三届人大六次会议通过《政府工作报告》确定的各项目标任务,省政府决定,将主要指标和重点任务予以分解下达。",
            "省政府各牵头部门要于1月底前完成任务分解。");

        Assert.Equal("甘政发〔2022〕9号", document.DocNumber);
        Assert.Equal([new Deadline("1月底前", new DateOnly(2022, 1, 31), DeadlineKind.Deadline)], document.Deadlines);
    }

    [Fact]
    public void A_copy_starting_at_its_addressee_is_a_document_and_its_clause_is_read()
    {
        // 云南省 2017, from the 主送 line on.
        var document = Single(
            "各州、市、县、区人民政府,省直各委、办、厅、局:",
            "为认真贯彻落实中央经济工作会议精神,进一步促进全省经济持续平稳发展,现提出以下意见:",
            "一、推进重大项目建设",
            "全力推进全省重大项目建设(省发展改革委、财政厅牵头;省国土资源厅、环境保护厅配合)。");

        var task = Assert.Single(document.Tasks);
        Assert.Equal(["省发展改革委", "财政厅"], task.Lead);
        Assert.Equal(["省国土资源厅", "环境保护厅"], task.Support);
    }

    [Fact]
    public void Prose_ending_with_a_colon_is_no_addressee_and_a_shopping_list_stays_refused()
    {
        Assert.NotNull(GazetteParser.ParseText("现将有关事项通知如下:\n买鸡蛋、牛奶、面包。\n记得带伞。").Rejection);
        Assert.NotNull(GazetteParser.ParseText("各位同学:\n明天春游，早上八点在校门口集合。").Rejection);
    }

    [Fact]
    public void Pinyin_glosses_of_a_mirror_site_are_taken_out_before_the_text_is_read()
    {
        // 上海市 2017, traditional characters with a reading after many of them.
        var parsed = GazetteParser.ParseText(string.Join('\n',
            "滬府發(fā)〔2017〕92號",
            "上海市人民政府印發(fā)《關(guān)于本市加強(qiáng)政務(wù)誠信建設(shè)的實(shí)施意見》的通知",
            "各區(qū)人民政府,市政府各委、辦、局:",
            "現(xiàn)將《關(guān)于本市加強(qiáng)政務(wù)誠信建設(shè)的實(shí)施意見》印發(fā)給你們,請認(rèn)真按照執(zhí)行。",
            "上海市人民政府",
            "2017年12月20日"));

        var document = Assert.Single(parsed.Issue!.Documents);
        Assert.Equal("沪府发〔2017〕92号", document.DocNumber);
        Assert.EndsWith("印发《关于本市加强政务诚信建设的实施意见》的通知", document.Title);
        Assert.Equal(new DateOnly(2017, 12, 20), document.SignedDate);
        Assert.Contains(parsed.Issue.Warnings, w => w.Contains("pinyin", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bracket_in_prose_is_not_a_gloss_and_a_few_glosses_are_left_alone()
    {
        string[] prose = ["推进“一网通办”(试点)工作(市发改委牵头)。", "重(zhòng)点工作。"];
        Assert.Equal(0, GazetteNotify.Parsing.Text.PinyinGlosses.Strip(prose));
        Assert.Equal("推进“一网通办”(试点)工作(市发改委牵头)。", prose[0]);

        string[] glossed = ["滬府發(fā)〔2017〕92號", "關(guān)於加強(qiáng)政務(wù)建設(shè)(試行)"];
        Assert.Equal(5, GazetteNotify.Parsing.Text.PinyinGlosses.Strip(glossed));
        Assert.Equal(["滬府發〔2017〕92號", "關於加強政務建設(試行)"], glossed);
    }

    [Theory]
    [InlineData("推进长株潭自主创新示范区建设(分管副省长、协管副秘书长负责,省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)。", new[] { "省科技厅" }, new string[0])]
    [InlineData("推进建设(分管副省长、协管副秘书长负责,省发改委牵头,省经信委、省财政厅参与)。", new[] { "省发改委" }, new[] { "省经信委", "省财政厅" })]
    public void Officials_answering_for_a_task_are_skipped_and_its_units_read(string item, string[] lead, string[] support)
    {
        // 湖南省 2016: the officials first, then the units.
        var document = Single("关于《政府工作报告》重点工作部门分工的意见", "湘政发〔2016〕1号", "省直和中央在湘有关单位:", "一、努力保持经济平稳健康发展", "（一）" + item);

        var task = Assert.Single(document.Tasks);
        Assert.Equal(lead, task.Lead);
        Assert.Equal(support, task.Support);
    }

    [Fact]
    public void A_clause_whose_time_sets_no_end_is_ongoing_and_its_year_is_no_deadline()
    {
        // 天津市 2020: (市政府各部门分别负责,年内持续推进).
        var document = Single("关于落实国务院《政府工作报告》重点工作的任务分工", "为切实做好2020年政府工作,提出如下任务分工:",
            "1.实现“十三五”规划圆满收官。(市政府各部门分别负责,年内持续推进)");

        var task = Assert.Single(document.Tasks);
        Assert.Equal(["市政府各部门"], task.Lead);
        Assert.Empty(task.Deadlines);
        Assert.Equal([new OngoingLimit("年内持续推进")], task.Ongoing);
        Assert.Empty(document.Deadlines);
    }

    [Fact]
    public void A_document_naming_no_year_keeps_its_limits_undated()
    {
        // 池州市信访局: a table that prints no year anywhere — no year is made up for it.
        var document = Single("政务公开工作任务分解表", "序号\t工作任务\t责任单位\t完成时限",
            "1\t及时公开信访工作动态。\t办公室\t年底前",
            "2\t完成年度报告。\t办公室\t6月底前");

        Assert.Equal([new Deadline("年底前", null, DeadlineKind.Deadline), new Deadline("6月底前", null, DeadlineKind.Deadline)],
            document.Tasks.SelectMany(t => t.Deadlines));
    }

    [Fact]
    public void Without_a_year_a_limit_that_writes_its_own_still_dates()
    {
        var limits = GazetteNotify.Parsing.Deadlines.UnknownYear.Undate(
        [
            new Deadline("2025年3月底前", new DateOnly(2025, 3, 31), DeadlineKind.Deadline),
            new Deadline("年底前", new DateOnly(2000, 12, 31), DeadlineKind.Deadline),
        ]);

        Assert.Equal([new DateOnly(2025, 3, 31), null], limits.Select(l => l.Date));
    }
}
