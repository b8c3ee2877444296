using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// A document copied from a government website keeps the page around it: a breadcrumb, the site's name after the
/// title, 发布时间 and 来源 lines, and the information table (索引号, 发布机构, 文号, 发文日期, 名称). The document is read
/// through them: its title without the furniture, and what its header lacks taken from the table.
/// </summary>
public class WebPageDocumentTests
{
    private static GazetteDocument Single(string text)
    {
        var result = GazetteParser.ParseText(text);
        Assert.Null(result.Rejection);
        return Assert.Single(result.Issue!.Documents);
    }

    [Fact]
    public void Furniture_lines_under_the_title_are_not_part_of_it()
    {
        var document = Single("""
            所在位置: 杭州网 > 热点专题
            杭州市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知
            发布时间:2020-05-29 14:36:23

            各区、县(市)人民政府,市政府各部门、各直属单位:
            《2020年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。
            一、稳企业。落实减税降费政策。(责任单位:市财政局、市税务局)
            """);
        Assert.Equal("关于印发2020年政府工作报告重点工作责任分解的通知", document.Title);
        Assert.Equal("杭州市人民政府办公厅", document.Issuer);
    }

    [Fact]
    public void The_sites_name_after_the_title_is_dropped()
    {
        var document = Single("""
            六安市人民政府关于2021年重点工作及责任分解的通知-六安市人民政府网
            各县区人民政府,市开发区管委,市政府各部门、各直属机构:
            市政府研究确定了2021年重点工作,明确各项工作的牵头责任单位和协同责任单位。
            1.地区生产总值增长8.5%以上。
            牵头责任单位:市发改委。
            """);
        Assert.Equal("关于2021年重点工作及责任分解的通知", document.Title);
        Assert.Equal("六安市人民政府", document.Issuer);
    }

    [Fact]
    public void A_title_printed_only_in_the_information_table_names_the_document_and_the_table_fills_its_header()
    {
        var document = Single("""
            当前位置: 网站首页 > 政府信息公开 > 年度重点工作分解情况
            索引号: 11341602003166647K/202503-00040 组配分类: 年度重点工作分解情况
            发布机构: 谯城区人民政府办公室 主题分类: 综合政务
            名称: 谯城区2025年政府工作报告重点工作任务分解表 文号: 谯政办〔2025〕3号
            发文日期: 2025-03-28 发布日期: 2025-03-30
            序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |
            1 | 地区生产总值增长6%左右。 | 区发展改革委 | 区统计局 | 2025年12月底前 |
            """);
        Assert.Equal("谯城区2025年政府工作报告重点工作任务分解表", document.Title);
        Assert.Equal("谯政办〔2025〕3号", document.DocNumber);
        Assert.Equal("谯城区人民政府办公室", document.Issuer);
        Assert.Equal(new DateOnly(2025, 3, 28), document.SignedDate);
    }

    [Fact]
    public void A_number_garbled_in_the_header_is_taken_from_the_table_and_a_label_on_its_own_line_has_its_value_below()
    {
        var document = Single("""
              • 发布机构

                亳州市人民政府办公室
              • 发布文号

                亳政办〔2025〕1号
              • 发文日期

                2025-01-14 16:00
            亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知
            亳政办〔20251
            各县、区人民政府,市政府各部门、各直属机构:
            现将《2025年政府工作报告主要目标任务分解》印发给你们,请认真抓好落实。
            """);
        Assert.Equal("亳政办〔2025〕1号", document.DocNumber);
        Assert.Equal(new DateOnly(2025, 1, 14), document.SignedDate);
        Assert.Equal("亳州市人民政府办公室", document.Issuer);
    }

    [Fact]
    public void A_number_and_a_date_in_brackets_under_the_title_belong_to_the_header()
    {
        var document = Single("""
            山西省人民政府关于印发2008年省人民政府工作目标责任分解的通知
            (晋政发[2008]8号)
            各市、县人民政府,省人民政府各委、厅,各直属机构:
            现将2008年省人民政府工作目标责任分解印发给你们,请认真贯彻执行。
            """);
        Assert.Equal("关于印发2008年省人民政府工作目标责任分解的通知", document.Title);
        Assert.Equal("晋政发〔2008〕8号", document.DocNumber);
    }

    [Fact]
    public void A_responsibility_table_under_its_title_is_a_document_even_with_one_cell_per_line()
    {
        var document = Single("""

            2023年区政府重点民生实事项目推进情况(1-11月)
            序号 |
            主要任务 |
            牵头 单位 |
            责任主体与协同单位 |
            24 |
            优化提升50条背街后巷交通组织。 |
            城管局 |
            市政局、相关街道 |
            """);
        Assert.Equal("2023年区政府重点民生实事项目推进情况(1-11月)", document.Title);
    }

    [Fact]
    public void A_title_alone_without_any_mark_of_the_genre_is_still_refused()
    {
        var result = GazetteParser.ParseText("""
            2023年家庭旅行计划
            第一天去杭州西湖，第二天去灵隐寺，第三天回家。记得带好相机和雨伞，提前预订酒店和火车票。
            第四天休息，整理照片，给朋友们寄明信片，顺便买一些当地的特产带回去给家里人尝尝。
            """);
        Assert.NotNull(result.Rejection);
    }

    [Fact]
    public void A_title_printed_twice_is_the_documents_own_the_second_time()
    {
        var document = Single("""
            关于印发社会事业民生工程战役项目目标任务分工的通知
            厦门市人民政府办公厅关于印发社会事业民生工程战役项目目标任务分工的通知
            厦府办〔2010〕184号
            各区人民政府，市直各委、办、局：
            现将《厦门市社会事业民生工程战役项目目标任务分工》印发给你们，请于8月18日前报送工作方案。
            """);
        Assert.Equal("关于印发社会事业民生工程战役项目目标任务分工的通知", document.Title);
        Assert.Equal("厦门市人民政府办公厅", document.Issuer);
        // No signing date in the excerpt: the limit falls in the year of the document's number, not in some default year.
        Assert.Equal(new DateOnly(2010, 8, 18), Assert.Single(document.Deadlines).Date);
    }

    [Fact]
    public void Without_a_signing_date_limits_fall_in_the_year_the_title_names()
    {
        var document = Single("""
            2025年开发区重点工作及责任清单
            序号 | 重点工作 | 责任单位 | 完成时限 |
            1 | 全力推进开发区空间再造，盘活存量土地400亩。 | 改革办 | 6月底前 |
            """);
        Assert.Contains(document.Deadlines, d => d.Date == new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void A_title_in_book_title_marks_above_the_number_is_the_documents()
    {
        var document = Single("""
            成办发〔2019〕5号《成都市人民政府办公厅关于印发2019年〈政府工作报告〉确定的主要目标任务责任分解方案的通知》
            《成都市人民政府办公厅关于印发2019年〈政府工作报告〉确定的主要目标任务责任分解方案的通知》
            成办发〔2019〕5号
            各区(市)县政府,市政府各部门,有关单位:
            经市政府研究同意,现将《2019年〈政府工作报告〉确定的主要目标任务责任分解方案》印发你们,请认真组织实施。
            """);
        Assert.Equal("关于印发2019年〈政府工作报告〉确定的主要目标任务责任分解方案的通知", document.Title);
        Assert.Equal("成都市人民政府办公厅", document.Issuer);
        Assert.Equal("成办发〔2019〕5号", document.DocNumber);
    }

    [Fact]
    public void A_responsibility_sheet_without_any_title_is_read_as_one_untitled_document()
    {
        var result = GazetteParser.ParseText("""

            重点工作: | 135.统筹违法建设治理与城市更新,促进违法建设科学分类治理。 |
            牵头单位: | 市城市管理综合执法局 |
            年度阶段性工作目标: | 第一季度:印发《广州市2023年违法建设治理工作方案》,明确目标任务及各区任务分配。 |
            """);

        var document = Assert.Single(result.Issue!.Documents);
        Assert.Equal("", document.Title);
        // No date, title or number: its limits fall in the first year its own lines name.
        Assert.Contains(document.Deadlines, d => d.Text == "第一季度" && d.Date == new DateOnly(2023, 3, 31));
        // The form's field row is read as the label line it is.
        Assert.Equal(["市城市管理综合执法局"], Assert.Single(document.Tasks).Lead);
        Assert.Contains(result.Issue.Warnings, w => w.StartsWith("no title found", StringComparison.Ordinal));
    }

    [Fact]
    public void A_covering_notice_that_starts_at_its_addressee_is_read_with_the_plan_it_issues()
    {
        var document = Single("""
            各县、市、区人民政府，市政府各部门：
            《2023年主要目标任务责任分解方案》已经市人民政府同意，现印发给你们，请于1月18日前报送落实方案。
            咸宁市人民政府办公室
            2023年1月5日
            2023年主要目标任务责任分解方案
            一、经济社会发展主要目标
            1.地区生产总值增长7%。（牵头单位：市发改委）
            """);
        Assert.Equal("2023年主要目标任务责任分解方案", document.Title);
        Assert.Equal(new DateOnly(2023, 1, 5), document.SignedDate);
        Assert.Contains(document.Deadlines, d => d.Text == "1月18日前" && d.Date == new DateOnly(2023, 1, 18));
        Assert.Equal(["市发改委"], Assert.Single(document.Tasks).Lead);
    }
}
