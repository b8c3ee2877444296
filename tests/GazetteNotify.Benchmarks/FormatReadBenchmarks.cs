using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GazetteNotify.Formats.Html;
using GazetteNotify.Formats.Word;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Reading a sample issue uploaded as Word (.docx) and as a web page (GBK, as government sites serve them), to the text
/// the parser reads — the work the readers add before parsing (ParseBenchmarks). The .docx numbers its 一、/（一）/1. items
/// with Word lists (restarts as start overrides) and holds the responsibility tables as Word tables; the page wraps the
/// issue in a CMS template with an information table, as the tests' round trips do.
/// </summary>
/// <remarks>dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*FormatReadBenchmarks*'</remarks>
[MemoryDiagnoser]
public partial class FormatReadBenchmarks
{
    private byte[] _docx = [];
    private byte[] _html = [];

    [Params("liaocheng-2018-07.txt", "liaocheng-2019-08.txt")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", Sample)).ReplaceLineEndings("\n").Split('\n');
        _docx = Docx(lines);
        _html = Page(lines);
        // Fail at setup, not with a meaningless figure, if a reader refuses its input.
        if (WordUploadReader.Read(_docx).Rejection is { } word) throw new InvalidOperationException(word);
        if (HtmlUploadReader.Read(_html).Rejection is { } page) throw new InvalidOperationException(page);
    }

    [Benchmark]
    public int ReadDocx() => WordUploadReader.Read(_docx).Text!.Length;

    [Benchmark]
    public int ReadHtml() => HtmlUploadReader.Read(_html).Text!.Length;

    private static byte[] Docx(string[] lines)
    {
        const string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        var body = new StringBuilder();
        var counts = new int[4];
        var nums = new StringBuilder();
        int[] current = [0, 1, 2, 3];
        var nextNum = 4;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('\t'))
            {
                body.Append("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>");
                for (; i < lines.Length && lines[i].Contains('\t'); i++)
                {
                    body.Append("<w:tr>").AppendJoin("", lines[i].Split('\t').Select(c => $"<w:tc><w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(c)}</w:t></w:r></w:p></w:tc>")).Append("</w:tr>");
                }

                body.Append("</w:tbl>");
                i--;
                continue;
            }

            var (list, value, text) = Item(lines[i]);
            var properties = "";
            if (list > 0)
            {
                if (value != counts[list] + 1)
                {
                    nums.Append(CultureInfo.InvariantCulture, $"<w:num w:numId=\"{nextNum}\"><w:abstractNumId w:val=\"{list}\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"{value}\"/></w:lvlOverride></w:num>");
                    current[list] = nextNum++;
                }

                counts[list] = value;
                properties = $"<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{current[list]}\"/></w:numPr></w:pPr>";
            }

            body.Append(CultureInfo.InvariantCulture, $"<w:p>{properties}<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>");
        }

        var numbering = $"<w:numbering {ns}>{Abstract(1, "chineseCounting", "%1、", "nothing")}{Abstract(2, "chineseCounting", "（%1）", "nothing")}{Abstract(3, "decimal", "%1.", "space")}"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num><w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
            + $"{nums}</w:numbering>";
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document($"<w:document {ns}><w:body>{body}</w:body></w:document>");
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(numbering);
        }

        return stream.ToArray();
    }

    private static string Abstract(int id, string format, string text, string suffix) =>
        $"<w:abstractNum w:abstractNumId=\"{id}\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:suff w:val=\"{suffix}\"/><w:lvlText w:val=\"{text}\"/></w:lvl></w:abstractNum>";

    /// <summary>The list (1 一、, 2 （一）, 3 "1. "), printed number and text of an item line; list 0 for other lines.</summary>
    private static (int List, int Value, string Text) Item(string line)
    {
        if (HanItem().Match(line) is { Success: true } han && Han(han.Groups[1].Value) is > 0 and var h) return (1, h, han.Groups[2].Value);
        if (ParenthesisedItem().Match(line) is { Success: true } paren && Han(paren.Groups[1].Value) is > 0 and var p) return (2, p, paren.Groups[2].Value);
        if (DecimalItem().Match(line) is { Success: true } d) return (3, int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture), d.Groups[2].Value);
        return (0, 0, line);
    }

    private static int Han(string han)
    {
        const string digits = "零一二三四五六七八九";
        return han.Length switch
        {
            1 when han == "十" => 10,
            1 => digits.IndexOf(han[0], StringComparison.Ordinal),
            2 when han[0] == '十' => 10 + digits.IndexOf(han[1], StringComparison.Ordinal),
            2 when han[1] == '十' => 10 * digits.IndexOf(han[0], StringComparison.Ordinal),
            3 when han[1] == '十' => 10 * digits.IndexOf(han[0], StringComparison.Ordinal) + digits.IndexOf(han[2], StringComparison.Ordinal),
            _ => -1,
        };
    }

    private static byte[] Page(string[] lines)
    {
        var article = new StringBuilder();
        var table = false;
        foreach (var line in lines)
        {
            if (line.Contains('\t') != table) article.Append(table ? "</table>\n" : "<table border=\"1\">\n");
            table = line.Contains('\t');
            article.Append(table
                ? $"<tr>{string.Concat(line.Split('\t').Select(c => $"<td><p>{WebUtility.HtmlEncode(c)}</p></td>"))}</tr>\n"
                : line.Length == 0 ? "<p>&nbsp;</p>\n" : $"<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312\">{WebUtility.HtmlEncode(line)}</span></p>\n");
        }

        if (table) article.Append("</table>\n");
        var html = $$"""
            <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>聊城市人民政府公报</title>
            <script>var _hmt = _hmt || [];</script><style>#zoom p { font-size: 16px }</style></head><body>
            <div class="header"><ul class="nav"><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>
            <div class="position">当前位置：<a>首页</a> &gt; <a>政府公报</a></div>
            <table class="xxgk"><tr><td>索引号：</td><td>11371500004306338J/2022-00123</td><td>发布机构：</td><td>聊城市人民政府办公室</td></tr>
            <tr><td>标题：</td><td>聊城市人民政府公报</td><td>成文日期：</td><td>2022-07-01</td></tr></table>
            <h1>聊城市人民政府公报</h1><div id="zoom"><div class="TRS_Editor">{{article}}</div></div>
            <div class="xglj"><h3>相关链接</h3><ul><li><a>关于甲的通知</a></li></ul></div><div class="footer">主办：聊城市人民政府办公室</div>
            </body></html>
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(html);
    }

    [GeneratedRegex("^([一二三四五六七八九十]{1,3})、(.*)$")]
    private static partial Regex HanItem();

    [GeneratedRegex("^（([一二三四五六七八九十]{1,3})）(.*)$")]
    private static partial Regex ParenthesisedItem();

    [GeneratedRegex("^([0-9]{1,2})\\. (.*)$")]
    private static partial Regex DecimalItem();
}
