using System.Text;
using GazetteNotify.Formats;
using GazetteNotify.Formats.Html;

namespace GazetteNotify.Tests.Formats.Html;

/// <summary>
/// What the reader takes from a page: the article's paragraphs and tables as lines, the information table as
/// label：value lines, the title — and nothing of the site around it, nor of its scripts.
/// </summary>
public class HtmlArticleTests
{
    private const string Body = "为认真贯彻落实党中央、国务院决策部署和省委、省政府工作要求，高效统筹疫情防控和经济社会发展，统筹发展和安全，切实把我市二季度经济稳住。";

    private static string[] Lines(string html)
    {
        var read = HtmlUploadReader.Read(Encoding.UTF8.GetBytes(html));
        Assert.Null(read.Rejection);
        Assert.Equal(UploadFormat.Html, read.Format);
        return read.Text!.Split('\n');
    }

    private static string Page(string body, string title = "测试") => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    [Fact]
    public void Paragraphs_breaks_and_an_empty_paragraph_become_lines()
    {
        var lines = Lines(Page($"<div id=\"zoom\"><p>{Body}</p><p>&nbsp;</p><p>第一行<br>第二行<br/>第三行</p><div>一、加大财税金融支持力度</div></div>"));
        Assert.Equal([Body, "", "第一行", "第二行", "第三行", "一、加大财税金融支持力度"], lines);
    }

    [Fact]
    public void Source_line_breaks_between_Chinese_characters_are_no_spaces_but_between_words_they_are()
    {
        var lines = Lines(Page($"<div id=\"zoom\"><p>{Body}</p><p>聊城市人民政府\n    关于印发聊城市居住证\n实施办法的通知 Liaocheng\nCity</p></div>"));
        Assert.Equal("聊城市人民政府关于印发聊城市居住证实施办法的通知 Liaocheng City", lines[1]);
    }

    [Fact]
    public void A_table_is_a_tab_separated_line_per_row_with_spans_kept_in_their_columns()
    {
        var table = """
            <table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
            <tr><td>1</td><td>稳定就业</td><td rowspan="2">市人力资源社会保障局</td><td>2022年底</td></tr>
            <tr><td>2</td><td>技能培训</td><td>2022年9月底</td></tr>
            <tr><td>3</td><td colspan="2">另行通知</td><td>长期坚持</td></tr></table>
            """;
        var lines = Lines(Page($"<div id=\"zoom\"><p>{Body}</p>{table}<p>结束。</p></div>"));
        Assert.Equal([Body, "序号\t工作任务\t牵头单位\t完成时限", "1\t稳定就业\t市人力资源社会保障局\t2022年底",
            "2\t技能培训\t市人力资源社会保障局\t2022年9月底", "3\t另行通知\t\t长期坚持", "", "结束。"], lines);
    }

    [Fact]
    public void A_cell_of_several_paragraphs_is_one_cell()
    {
        var lines = Lines(Page($"<div id=\"zoom\"><p>{Body}</p><table><tr><td>1</td><td><p>市财政局</p><p>市税务局</p></td></tr><tr><td>2</td><td>市商务局</td></tr></table></div>"));
        Assert.Equal("1\t市财政局 市税务局", lines[1]);
    }

    [Fact]
    public void A_layout_table_around_the_article_gives_its_paragraphs_not_a_row()
    {
        var lines = Lines(Page($"<table width=\"100%\"><tr><td class=\"bt\">导航</td></tr></table><div id=\"zoom\"><table><tr><td><p>{Body}</p><p>第二段。</p></td></tr></table></div>"));
        Assert.Equal([Body, "第二段。"], lines);
    }

    [Fact]
    public void The_information_table_comes_first_as_label_value_lines()
    {
        var info = """
            <table class="xxgk"><tr><td>索 引 号：</td><td>11371500004306338J/2022-00088</td><td>主题分类：</td><td>综合政务</td></tr>
            <tr><td>发布机构</td><td>聊城市人民政府</td><td>成文日期</td><td>2022-06-06</td></tr>
            <tr><td>发文字号：</td><td>聊政发〔2022〕6号</td><td>有 效 性：</td><td>有效</td></tr></table>
            """;
        var lines = Lines(Page($"{info}<div id=\"zoom\"><p>{Body}</p></div>"));
        Assert.Equal(["索引号：11371500004306338J/2022-00088", "主题分类：综合政务", "发布机构：聊城市人民政府", "成文日期：2022-06-06",
            "发文字号：聊政发〔2022〕6号", "有效性：有效", "", Body], lines);
    }

    [Fact]
    public void An_information_list_of_label_value_items_is_read_too()
    {
        var info = "<ul class=\"info\"><li><span>名称：</span>关于稳住经济运行的若干意见</li><li><b>文号：</b>聊政发〔2022〕6号</li><li>发布机构：聊城市人民政府 成文日期：2022年06月06日</li></ul>";
        var lines = Lines(Page($"{info}<div class=\"TRS_Editor\"><p>{Body}</p></div>"));
        Assert.Equal(["名称：关于稳住经济运行的若干意见", "文号：聊政发〔2022〕6号", "发布机构：聊城市人民政府", "成文日期：2022年06月06日", "", Body], lines);
    }

    [Fact]
    public void An_information_table_inside_the_article_container_is_not_read_twice()
    {
        var lines = Lines(Page($"<div class=\"content\"><table><tr><td>发文字号：聊政发〔2022〕6号</td><td>成文日期：2022-06-06</td></tr></table><p>{Body}</p><p>{Body}</p></div>"));
        Assert.Single(lines, l => l.Contains("聊政发〔2022〕6号", StringComparison.Ordinal));
    }

    [Fact]
    public void The_title_above_the_article_is_written_before_it_once()
    {
        var page = (string article) => Page($"<h1>关于稳住经济运行的若干意见</h1><div id=\"zoom\">{article}</div>", "关于稳住经济运行的若干意见 - 聊城市人民政府");
        Assert.Equal(["关于稳住经济运行的若干意见", "", Body], Lines(page($"<p>{Body}</p>")));
        Assert.Equal(["关于稳住经济运行的若干意见", Body], Lines(page($"<p>关于稳住经济运行的若干意见</p><p>{Body}</p>")));
        Assert.Equal(["关于稳住经济运行", "的若干意见", Body], Lines(page($"<p>关于稳住经济运行<br>的若干意见</p><p>{Body}</p>")));
    }

    [Fact]
    public void Breadcrumbs_share_bars_related_links_print_buttons_and_footers_are_dropped()
    {
        var page = Page($"""
            <div class="nav"><a>首页</a><a>政务公开</a></div>
            <div>当前位置：<a>首页</a> &gt; <a>政务公开</a></div>
            <div class="con">
              <div class="crumb">您现在的位置：首页 &gt; 文件</div>
              <div class="wz"><p>{Body}</p><p>相关文件与本意见不一致的，以本意见为准。</p></div>
              <p>【打印本页】【关闭窗口】</p>
              <p>字号：大 中 小</p>
              <div class="fx">分享到：<a>微信</a></div>
              <div><h4>相关链接：</h4><ul><li><a>关于甲的通知</a></li><li><a>关于乙的通知</a></li></ul></div>
            </div>
            <footer>版权所有：聊城市人民政府</footer>
            """);
        Assert.Equal([Body, "相关文件与本意见不一致的，以本意见为准。"], Lines(page));
    }

    [Fact]
    public void Without_a_known_container_the_densest_block_of_paragraphs_is_the_article()
    {
        var page = Page($"""
            <div class="left"><ul><li><a>通知公告</a></li><li><a>政策解读</a></li><li><a>关于开展某项工作的通知</a></li></ul></div>
            <div class="right"><div class="wenzhang"><p>{Body}</p><p>{Body}</p><p>二、扩大有效投资。</p></div></div>
            <div class="links">友情链接：<a>山东省人民政府</a></div>
            """);
        Assert.Equal([Body, Body, "二、扩大有效投资。"], Lines(page));
    }

    [Fact]
    public void Hostile_markup_yields_its_text_only()
    {
        var page = Page($$"""
            <div id="zoom">
              <p onclick="steal()">{{Body}}<script>document.write('（责任单位：市注入局）')</script></p>
              <img src=x onerror="alert(1)"><iframe src="javascript:alert(2)">（责任单位：市框架局）</iframe>
              <div style="display: none">（责任单位：市隐藏局）</div><div hidden>（责任单位：市隐藏局）</div>
              <template><p>（责任单位：市模板局）</p></template><noscript>（责任单位：市无脚本局）</noscript>
              <style>p::after { content: "（责任单位：市样式局）" }</style><textarea>（责任单位：市表单局）</textarea>
              <p>&lt;script&gt;alert(3)&lt;/script&gt;（责任单位：市财政局）</p>
            </div>
            """);
        var lines = Lines(page);
        Assert.Equal([Body, "<script>alert(3)</script>（责任单位：市财政局）"], lines);
    }

    [Fact]
    public void A_page_nested_five_hundred_deep_is_read_to_its_innermost_text()
    {
        var depth = 250; // a div and a span each: five hundred levels
        var html = Page($"<div id=\"zoom\"><p>{Body}</p>{string.Concat(Enumerable.Repeat("<div><span>", depth))}深处{string.Concat(Enumerable.Repeat("</span></div>", depth))}</div>");
        var lines = Lines(html);
        Assert.Equal(Body, lines[0]);
        Assert.Equal("深处", lines[^1]);
    }

    [Fact]
    public void A_page_nested_fifty_thousand_deep_is_refused_before_it_is_parsed()
    {
        // AngleSharp takes many seconds to build such a tree; the check is linear.
        var depth = 50_000;
        var html = Page($"<div id=\"zoom\"><p>{Body}</p>{string.Concat(Enumerable.Repeat("<div>", depth))}深处{string.Concat(Enumerable.Repeat("</div>", depth))}</div>");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var read = HtmlUploadReader.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal("the web page nests its markup over 1,000 levels deep, which no real page does: refused as unsafe to read", read.Rejection);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Thousands_of_unclosed_paragraphs_and_list_items_are_not_deep_nesting()
    {
        var items = string.Concat(Enumerable.Range(1, 5_000).Select(i => $"<p>{i}. 第{i}项<li>条目"));
        var lines = Lines(Page($"<div id=\"zoom\"><p>{Body}{items}</div>"));
        Assert.Equal("5000. 第5000项", lines[^2]);
    }

    [Fact]
    public void Ordered_list_items_get_the_numbers_a_browser_shows()
    {
        var page = Page($"<div id=\"zoom\"><p>{Body}</p><ol><li>依法全面落实税费政策。</li><li>加快资金兑付。</li></ol><ol start=\"3\" type=\"a\"><li>甲</li></ol>" +
            "<ol style=\"list-style-type: cjk-ideographic\"><li>加大财税金融支持力度</li><li>扩大有效投资</li></ol></div>");
        Assert.Equal([Body, "1. 依法全面落实税费政策。", "2. 加快资金兑付。", "c. 甲", "一、加大财税金融支持力度", "二、扩大有效投资"], Lines(page));
    }

    [Fact]
    public void A_site_logo_heading_that_the_page_title_does_not_name_is_not_taken_for_the_document_s_title()
    {
        var page = $"<html><head><meta charset=\"utf-8\"><title>关于稳住经济运行的若干意见_聊城市人民政府</title></head><body>" +
                   $"<h1 class=\"logo\">聊城市人民政府门户网站</h1><div class=\"box-title\">最新政府信息公开目录</div><div id=\"zoom\"><p>{Body}</p></div></body></html>";
        Assert.Equal([Body], Lines(page));
        Assert.Equal(["关于稳住经济运行的若干意见", "", Body], Lines(page.Replace("<div id=", "<h2>关于稳住经济运行的若干意见</h2><div id=", StringComparison.Ordinal)));
    }

    [Fact]
    public void Information_fields_in_the_block_around_the_article_are_read_without_losing_the_article()
    {
        var page = Page($"<div class=\"detail\"><span>发文字号：聊政发〔2022〕6号</span> <span>成文日期：2022-06-06</span><div id=\"zoom\"><p>{Body}</p><div class=\"foot\">聊城市人民政府</div></div></div>");
        Assert.Equal(["发文字号：聊政发〔2022〕6号", "成文日期：2022-06-06", "", Body, "聊城市人民政府"], Lines(page));
    }
}
