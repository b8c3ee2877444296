using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// Lays out the text of an issue as its printed gazette looks: a cover with the masthead, the 目录 on a page of its own,
/// then the documents — each document header (聊城市人民政府文件), doc number and title centred across the page, the
/// body in two columns (or one), signatures and dates set right, responsibility tables ruled across the page with their
/// header row repeated on every page, a group cell (工作任务) spanning the rows it heads. The text itself is the
/// sample's, line for line: each line a paragraph, so the PDF holds the same words as the text.
/// </summary>
public static partial class GazetteHtml
{
    /// <param name="text">The issue as text (a sample).</param>
    /// <param name="twoColumns">Body text in two columns, as most printed issues are; else one.</param>
    /// <param name="fontFamily">CSS font-family of the body: a system font or an @font-face served by <see cref="PdfPrinter"/>.</param>
    /// <param name="fontFaces">@font-face rules to add.</param>
    public static string Issue(string text, bool twoColumns, string fontFamily = "'WenQuanYi Micro Hei'", string fontFaces = "")
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var html = new StringBuilder();
        html.Append(CultureInvariant($$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
            {{fontFaces}}
            body { font-family: {{fontFamily}}; font-size: 10.5pt; line-height: 1.65; margin: 0; }
            .cover { break-after: page; text-align: center; padding-top: 30mm; }
            .cover p { text-indent: 0; margin: 0.4em 0; }
            .cover .masthead { font-size: 30pt; color: #c00; font-weight: bold; margin-bottom: 1em; }
            .toc { break-after: page; }
            .toc p { text-indent: 0; }
            .toc .heading { text-align: center; font-size: 18pt; letter-spacing: 2em; margin-bottom: 1em; }
            .flow { {{(twoColumns ? "columns: 2; column-gap: 2.2em;" : "")}} }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            .issuer { text-align: center; color: #c00; font-size: 24pt; font-weight: bold; text-indent: 0; margin: 1.2em 0 0.6em; }
            .docno { text-align: center; text-indent: 0; margin-bottom: 0.8em; }
            .title { text-align: center; text-indent: 0; font-size: 16pt; font-weight: bold; margin: 0.8em 8%; line-height: 1.4; }
            .sign { text-align: right; text-indent: 0; padding-right: 2em; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 9pt; line-height: 1.4; }
            td, th { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; font-weight: normal; }
            </style></head><body>
            """));

        var toc = lines.FindIndex(l => l.Replace(" ", "", StringComparison.Ordinal) == "目录");
        var body = toc < 0 ? 0 : lines.FindIndex(toc, IsIssuer);
        if (toc > 0)
        {
            html.Append("<section class=\"cover\">");
            var first = true;
            foreach (var line in lines.Take(toc).Where(l => l.Length > 0))
            {
                html.Append(first ? "<p class=\"masthead\">" : "<p>").Append(Encode(line)).Append("</p>\n");
                first = false;
            }

            html.Append("</section>\n<section class=\"toc\">");
            html.Append("<p class=\"heading\">").Append(Encode(lines[toc].Replace(" ", "", StringComparison.Ordinal))).Append("</p>\n");
            foreach (var line in lines.Skip(toc + 1).Take(body - toc - 1).Where(l => l.Length > 0)) html.Append("<p>").Append(Encode(line)).Append("</p>\n");
            html.Append("</section>\n");
        }

        Body(lines.Skip(Math.Max(body, 0)).ToList(), html);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Body(List<string> lines, StringBuilder html)
    {
        var flowOpen = false;
        void Flow(bool open)
        {
            if (open == flowOpen) return;
            html.Append(open ? "<div class=\"flow\">\n" : "</div>\n");
            flowOpen = open;
        }

        var titleNext = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (line.Contains('\t'))
            {
                var rows = new List<string[]>();
                for (; i < lines.Count && (lines[i].Contains('\t') || lines[i].Length == 0); i++)
                {
                    if (lines[i].Length > 0) rows.Add(lines[i].Split('\t'));
                }

                i--;
                Flow(false);
                Table(rows, html);
                continue;
            }

            if (IsIssuer(line) || DocNumber().IsMatch(line) || titleNext)
            {
                Flow(false);
                var kind = IsIssuer(line) ? "issuer" : DocNumber().IsMatch(line) ? "docno" : "title";
                html.Append(CultureInvariant($"<p class=\"{kind}\">")).Append(Encode(line)).Append("</p>\n");
                titleNext = kind == "docno";
                continue;
            }

            Flow(true);
            var signature = DateLine().IsMatch(line) || line.Length <= 20 && i + 2 < lines.Count && DateLine().IsMatch(NextText(lines, i)) && !line.Contains('。', StringComparison.Ordinal);
            html.Append(signature ? "<p class=\"sign\">" : "<p>").Append(Encode(line)).Append("</p>\n");
        }

        Flow(false);
    }

    private static string NextText(List<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0) return lines[j];
        }

        return "";
    }

    /// <summary>
    /// A ruled table; the first row is the header (repeated on each page). A column whose cells are empty above and
    /// below a filled one, between rows whose first cells are numbers, is a group cell spanning those rows, as printed.
    /// </summary>
    private static void Table(List<string[]> rows, StringBuilder html)
    {
        var columns = rows.Max(r => r.Length);
        foreach (var i in Enumerable.Range(0, rows.Count)) rows[i] = [.. rows[i], .. Enumerable.Repeat("", columns - rows[i].Length)];
        var header = rows[0];
        var body = rows.Skip(1).Where(r => !r.SequenceEqual(header)).ToList();
        var span = new int[body.Count];
        var hidden = new bool[body.Count];
        const int group = 1; // 工作任务: the column printed as a group cell
        if (columns > 2 && header[group].Contains("任务", StringComparison.Ordinal))
        {
            for (var r = 0; r < body.Count; r++)
            {
                if (body[r][group].Length == 0) continue;
                var start = r;
                while (start > 0 && body[start - 1][group].Length == 0 && !hidden[start - 1] && span[start - 1] == 0) start--;
                var end = r;
                while (end + 1 < body.Count && body[end + 1][group].Length == 0) end++;
                // The label sits in the middle of its span: the rows above it as many as below.
                var half = Math.Min(r - start, end - r);
                start = r - half;
                end = r + half;
                span[start] = end - start + 1;
                if (start != r) (body[start][group], body[r][group]) = (body[r][group], "");
                for (var k = start + 1; k <= end; k++) hidden[k] = true;
            }
        }

        html.Append("<table><thead><tr>");
        foreach (var cell in header) html.Append("<th>").Append(Encode(cell)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        for (var r = 0; r < body.Count; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < columns; c++)
            {
                if (c == group && hidden[r]) continue;
                var rowspan = c == group && span[r] > 1 ? CultureInvariant($" rowspan=\"{span[r]}\"") : "";
                html.Append("<td").Append(rowspan).Append('>').Append(Encode(body[r][c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static bool IsIssuer(string line) => line.Length <= 24 && line.EndsWith("文件", StringComparison.Ordinal) && !line.Contains('《', StringComparison.Ordinal);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string CultureInvariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号$")]
    private static partial Regex DocNumber();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();
}
