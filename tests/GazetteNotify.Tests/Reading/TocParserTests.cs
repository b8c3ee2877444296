using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing.Toc;

namespace GazetteNotify.Tests.Reading;

public class TocParserTests
{
    private static TableOfContents Parse(string text) => TocParser.Parse(LineNormalizer.Normalize(text));

    [Fact]
    public void Sections_wrapped_titles_numbers_and_pages()
    {
        var toc = Parse("""
            目 录

            ◎市政府文件

            关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见

            聊政发〔2022〕6号 2

            ◎市政府办公室文件

            印发关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的
            实施方案的通知

            聊政办字〔2022〕23号 10

            ◎政务动态

            聊城市人民政府大事记(2022年6月) 20

            聊城市人民政府文件

            聊政发〔2022〕6号
            """);

        Assert.Equal(3, toc.Entries.Count);
        Assert.Equal(new TocEntry("市政府文件", "关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", "聊政发〔2022〕6号", 2), toc.Entries[0]);
        Assert.Equal(new TocEntry("市政府办公室文件", "印发关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的实施方案的通知", "聊政办字〔2022〕23号", 10), toc.Entries[1]);
        Assert.Equal(new TocEntry("政务动态", "聊城市人民政府大事记(2022年6月)", null, 20), toc.Entries[2]);
        Assert.Equal(18, toc.BodyStartLine); // right after the last entry; the 版头 聊城市人民政府文件 follows
    }

    [Fact]
    public void Markdown_items_with_leaders_and_numbers_in_brackets()
    {
        var toc = Parse("""
            ## 目　录
            ### 【部门文件】
            - 关于规范政府采购管理的通知（德财采[2024]5号）……………… 17
            - 德州市人民政府任免名单 .......... 20
            """);

        Assert.Equal(new TocEntry("部门文件", "关于规范政府采购管理的通知", "德财采〔2024〕5号", 17), toc.Entries[0]);
        Assert.Equal(new TocEntry("部门文件", "德州市人民政府任免名单", null, 20), toc.Entries[1]);
    }

    [Fact]
    public void A_toc_without_pages_closes_entries_on_doc_numbers()
    {
        var toc = Parse("""
            目录
            ◎市政府文件
            关于加强安全生产工作的意见
            聊政发〔2023〕1号
            关于做好防汛工作的通知
            聊政发〔2023〕2号

            聊城市人民政府文件
            聊政发〔2023〕1号
            """);

        Assert.Equal(["聊政发〔2023〕1号", "聊政发〔2023〕2号"], toc.Entries.Select(e => e.DocNumber));
        Assert.All(toc.Entries, e => Assert.Null(e.Page));
    }

    [Fact]
    public void A_number_glued_to_its_title_is_split_off()
    {
        var toc = Parse("目录\n关于加强安全生产工作的意见聊政发〔2023〕1号 3\n聊城市人民政府办公室关于做好防汛工作的通知聊政办字(2023)15号……7\n");
        Assert.Equal(new TocEntry("", "关于加强安全生产工作的意见", "聊政发〔2023〕1号", 3), toc.Entries[0]);
        Assert.Equal(new TocEntry("", "聊城市人民政府办公室关于做好防汛工作的通知", "聊政办字〔2023〕15号", 7), toc.Entries[1]);
    }

    [Fact]
    public void Sections_without_a_mark_and_numbers_printed_above_their_titles()
    {
        var toc = Parse("""
            目    录
            市政府文件
            聊政发〔2023〕1号
            关于加强安全生产工作的意见……………………2
            部门文件
            聊财发〔2023〕4号
            关于加强预算管理的通知……………………9

            聊城市人民政府文件
            聊政发〔2023〕1号
            """);

        Assert.Equal(
            [new TocEntry("市政府文件", "关于加强安全生产工作的意见", "聊政发〔2023〕1号", 2), new TocEntry("部门文件", "关于加强预算管理的通知", "聊财发〔2023〕4号", 9)],
            toc.Entries);
    }

    [Fact]
    public void Page_furniture_inside_a_toc_is_skipped()
    {
        var toc = Parse("""
            目录
            ◎市政府文件
            关于加强安全生产工作的意见
            聊政发〔2023〕1号 2
            — 1 —
            聊城市人民政府公报 2023年第1期
            关于做好防汛工作的
            通知
            聊政发〔2023〕2号 5
            """);

        Assert.Equal(["关于加强安全生产工作的意见", "关于做好防汛工作的通知"], toc.Entries.Select(e => e.Title));
    }

    [Fact]
    public void A_toc_converted_to_a_table()
    {
        var toc = Parse("""
            ## 本期目录
            | 标题 | 文号 | 页码 |
            |---|---|---|
            | 关于加强安全生产工作的意见 | 聊政发〔2023〕1号 | 2 |
            | 聊城市人民政府大事记 |  | 9 |
            """);

        Assert.Equal(
            [new TocEntry("", "关于加强安全生产工作的意见", "聊政发〔2023〕1号", 2), new TocEntry("", "聊城市人民政府大事记", null, 9)],
            toc.Entries);
    }

    [Fact]
    public void No_toc_heading_means_no_entries()
    {
        var toc = Parse("聊城市人民政府文件\n聊政发〔2023〕1号\n关于加强安全生产工作的意见\n");
        Assert.Empty(toc.Entries);
    }
}
