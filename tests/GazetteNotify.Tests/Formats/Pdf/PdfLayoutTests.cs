using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Formats.Pdf;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// The layout a gazette prints, read back in reading order: a document's header and a title centred over two lines
/// across both columns, then the body column by column, page after page; running header and page numbers gone; a
/// ruled table one tab-separated line per row, its header once, a row broken by the page joined back.
/// </summary>
[Collection(PdfPrinting.Name)]
public sealed partial class PdfLayoutTests(PdfPrinter printer)
{
    private const string Title = "聊城市人民政府关于进一步优化营商环境深化政务服务标准化规范化便利化改革推进一网通办一次办好的实施意见";

    [Fact]
    public async Task Two_column_pages_are_read_column_by_column_after_the_header_and_the_centred_title()
    {
        var paragraphs = Enumerable.Range(1, 24).Select(Paragraph).ToList();
        var html = Page($"""
            <p class="issuer">聊城市人民政府文件</p>
            <p class="docno">聊政发〔2024〕9号</p>
            <p class="title">{Title}</p>
            <div class="flow">{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</div>
            """);

        var text = await ReadAsync(html);

        var lines = text.Split('\n');
        Assert.Equal(["聊城市人民政府文件", "聊政发〔2024〕9号"], lines[..2]);
        // The title wraps: its two centred lines, in order, make the title.
        Assert.Equal(Title, lines[2] + lines[3]);
        Assert.NotEqual(Title, lines[2]);
        // Every paragraph whole (its lines joined across columns and pages) and in order.
        Assert.Equal(paragraphs, lines[4..].Where(l => l.Length > 0));
        Assert.DoesNotMatch(SpaceInChinese(), text);
    }

    [Fact]
    public async Task Running_header_and_page_numbers_are_dropped_from_every_page()
    {
        var paragraphs = Enumerable.Range(1, 80).Select(Paragraph).ToList();
        var html = Page($"""<div class="flow">{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</div>""");

        var pdf = await printer.PrintAsync(html, new PrintSettings("聊城市人民政府公报"));
        var text = PdfUploadReader.Read(pdf).Text!;

        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf)) Assert.True(document.NumberOfPages >= 3);
        Assert.DoesNotContain("公报", text, StringComparison.Ordinal);
        Assert.DoesNotContain('—', text);
        Assert.Equal(paragraphs, text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Ruled_table_across_a_page_break_is_one_tab_separated_line_per_row_with_the_split_row_joined()
    {
        // Row 5 is long enough to be broken by the page; the header repeats on the next page.
        var rows = Enumerable.Range(1, 9).Select(n => new[]
        {
            n.ToString(CultureInfo.InvariantCulture),
            n == 5 ? "开头" + string.Concat(Enumerable.Repeat("统筹推进审批服务事项全流程网上办理，", 70)) + "结尾" : $"第{n}项任务：完善政务服务事项清单。",
            "市行政审批局",
            "市大数据局、各县（市、区）人民政府",
            "2024年12月底前",
        }).ToList();
        var html = Page($"""
            <p>附件</p><p class="title">责任分工</p>
            <table><thead><tr><th>序号</th><th>具体内容</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr></thead><tbody>
            {string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>"))}
            </tbody></table><p>以上任务请各单位认真落实。</p>
            """);

        var pdf = await printer.PrintAsync(html, new PrintSettings("聊城市人民政府公报"));
        var text = PdfUploadReader.Read(pdf).Text!;

        // The premise: row 5 starts on page 1 and ends on page 2.
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.Contains("开头", document.GetPage(1).Text, StringComparison.Ordinal);
            Assert.Contains("结尾", document.GetPage(2).Text, StringComparison.Ordinal);
        }

        var tableLines = text.Split('\n').Where(l => l.Contains('\t', StringComparison.Ordinal)).ToList();
        Assert.Equal("序号\t具体内容\t牵头单位\t责任单位\t完成时限", tableLines[0]);
        Assert.Equal(rows.Select(r => string.Join('\t', r)), tableLines.Skip(1));
        // A blank line after the table, so the parser's table reader ends it there.
        Assert.Contains("2024年12月底前\n\n以上任务请各单位认真落实。", text, StringComparison.Ordinal);
    }

    private async Task<string> ReadAsync(string html)
    {
        var read = PdfUploadReader.Read(await printer.PrintAsync(html, new PrintSettings("聊城市人民政府公报")));
        Assert.Null(read.Rejection);
        Assert.Empty(read.Warnings);
        return read.Text!;
    }

    /// <summary>A paragraph of its own words, numbered, long enough to wrap over several lines.</summary>
    private static string Paragraph(int n)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"（{n}）第{n}项工作。");
        string[] clauses = ["推进政务服务标准化建设", "完善审批事项清单管理", "加快数据共享平台整合", "强化事中事后监管"];
        for (var i = 0; i < 2 + n % 4; i++) sb.Append(clauses[(n + i) % clauses.Length]).Append(i % 2 == 0 ? '，' : '；');
        sb.Append(CultureInfo.InvariantCulture, $"确保2024年{n % 12 + 1}月底前完成。");
        return sb.ToString();
    }

    /// <summary>The gazette's stylesheet (as <see cref="GazetteHtml"/> prints issues) around a body.</summary>
    private static string Page(string body)
    {
        var issue = GazetteHtml.Issue("", twoColumns: true);
        return issue.Replace("</body>", body + "</body>", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[\u4e00-\u9fff] +[\u4e00-\u9fff]")]
    private static partial Regex SpaceInChinese();
}
