using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// Uploads arrive in other encodings and shapes than the samples: CRLF, GB18030, UTF-16 either way with or without a
/// BOM, Markdown from PDF converters. Each variant is made here from a sample and must parse to the same issue.
/// </summary>
public partial class EncodingVariantTests
{
    static EncodingVariantTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Samples.All)
        {
            foreach (var variant in new[] { "utf8-bom", "crlf", "cr", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "markdown", "markdown-crlf-gb18030", "page-furniture" })
            {
                data.Add(sample, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_variant_parses_to_the_same_issue_as_the_original(string sample, string variant)
    {
        var original = Samples.Issue(sample);
        var bytes = Make(Samples.Text(sample), variant);

        var result = GazetteParser.Parse(bytes);

        Assert.Null(result.Rejection);
        Assert.Equal(GazetteJson.Serialize(original), GazetteJson.Serialize(result.Issue!));
    }

    [Fact]
    public void Gb18030_is_told_apart_from_utf8()
    {
        var bytes = Make(Samples.Text(Samples.Issue2022_06), "gb18030");
        Assert.Equal("GB18030", GazetteParser.Parse(bytes).Encoding);
    }

    private static byte[] Make(string text, string variant) => variant switch
    {
        "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")),
        "cr" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r")),
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
        "utf16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf16le" => Encoding.Unicode.GetBytes(text),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "markdown" => Encoding.UTF8.GetBytes(ToMarkdown(text)),
        "markdown-crlf-gb18030" => Encoding.GetEncoding("GB18030").GetBytes(ToMarkdown(text).Replace("\n", "\r\n")),
        "page-furniture" => Encoding.UTF8.GetBytes(WithPageFurniture(text)),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>
    /// What a plain PDF-to-text extraction keeps of the printed page: after every 30th line of the body, a page number
    /// and the running header, often in the middle of a sentence.
    /// </summary>
    private static string WithPageFurniture(string text)
    {
        var lines = text.Split('\n');
        var body = Array.FindIndex(lines, l => l.EndsWith("文件", StringComparison.Ordinal) && l.Length < 20 && !l.StartsWith('◎'));
        var sb = new StringBuilder();
        var page = 2;
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]).Append('\n');
            if (i > body && i % 30 == 0)
            {
                sb.Append(page % 2 == 0 ? $"— {page} —\n" : $"{page}\n");
                sb.Append(page % 2 == 0 ? "聊城市人民政府公报\n" : "聊城市人民政府公报 2022年第6期\n");
                page++;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// What PDF-to-Markdown converters make of an issue: `#` headings for the masthead, 目录, sections, 版头 and titles,
    /// TOC entries as `- ` items with dotted leaders before the page, bold signature blocks, tables as pipe tables.
    /// </summary>
    private static string ToMarkdown(string text)
    {
        var lines = text.Split('\n');
        var sb = new StringBuilder();
        var inToc = false;
        var inTable = false;
        var tocSeen = false; // a document's own 目录 later on is body text
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                sb.Append('\n');
                continue;
            }

            if (line.EndsWith("公报", StringComparison.Ordinal)) line = "# " + line;
            else if (line.Replace(" ", "") == "目录" && !tocSeen) { line = "## " + line; inToc = tocSeen = true; }
            else if (line.StartsWith('◎')) line = "### " + line;
            else if (line.EndsWith("文件", StringComparison.Ordinal) && line.Length < 20) { line = "## " + line; inToc = false; }
            else if (inToc && PagedTocLine().Match(line) is { Success: true } m) line = $"- {m.Groups[1].Value} ........ {m.Groups[2].Value}";
            else if (inToc) line = "- " + line;
            else if (line.Contains('\t'))
            {
                var cells = line.Split('\t');
                line = "| " + string.Join(" | ", cells) + " |";
                if (!inTable) line += "\n|" + string.Concat(Enumerable.Repeat("---|", cells.Length));
            }
            else if (DateLine().IsMatch(line)) line = "**" + line + "**";
            else if (NumberedLine().IsMatch(line)) line = NumberedLine().Replace(line, "$1\\.");
            inTable = lines[i].Contains('\t');
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(.*\S)\s+(\d{1,3})$")]
    private static partial Regex PagedTocLine();

    [GeneratedRegex(@"^(\d{1,2})\.(?=\s)")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")]
    private static partial Regex DateLine();
}
