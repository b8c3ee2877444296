using System.Text;
using GazetteNotify.Parsing;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Parsing;

/// <summary>What is not a readable gazette issue is refused with one clear reason; nothing throws.</summary>
public class BadInputTests
{
    [Fact]
    public void Empty_file_is_refused()
    {
        var result = GazetteParser.Parse([]);
        Assert.True(result.IsRejected);
        Assert.Equal("the file is empty", result.Rejection);
    }

    [Fact]
    public void Whitespace_only_file_is_refused_as_not_a_gazette()
    {
        var result = GazetteParser.Parse("\n\n   \r\n\t\n"u8);
        Assert.True(result.IsRejected);
        Assert.Contains("no Chinese text", result.Rejection);
    }

    [Fact]
    public void Random_binary_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var result = GazetteParser.Parse(bytes);
        Assert.True(result.IsRejected);
        Assert.DoesNotContain('\n', result.Rejection!);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "a PDF document")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "a PNG image")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0 }, "a ZIP archive (Word .docx?)")]
    public void Known_binary_formats_are_named(byte[] bytes, string what)
    {
        var result = GazetteParser.Parse(bytes);
        Assert.Equal($"the file is {what}, not text: upload the text extracted from the issue (plain text or Markdown)", result.Rejection);
    }

    [Fact]
    public void Text_that_is_not_a_gazette_is_refused()
    {
        var prose = string.Concat(Enumerable.Repeat("今天天气很好，我们去公园散步，看见很多人在跑步和打太极拳。\n", 40));
        var result = GazetteParser.Parse(Encoding.UTF8.GetBytes(prose));
        Assert.True(result.IsRejected);
        Assert.Contains("does not look like a gazette issue", result.Rejection);
    }

    [Fact]
    public void English_text_is_refused()
    {
        var result = GazetteParser.Parse(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The quick brown fox. ", 500))));
        Assert.True(result.IsRejected);
    }

    [Fact]
    public void A_file_over_20_MB_is_refused_before_decoding()
    {
        var bytes = new byte[25 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');
        var result = GazetteParser.Parse(bytes);
        Assert.Equal("the file is 25.0 MB, over the 20 MB limit for one issue", result.Rejection);
    }

    [Fact]
    public void A_truncated_issue_parses_what_is_there_and_warns_about_the_rest()
    {
        var text = Samples.Text(Samples.Issue2022_06);
        var cut = text[..text.IndexOf("聊政办字〔2022〕24号\n\n聊城市人民政府办公室 印发", StringComparison.Ordinal)];

        var result = GazetteParser.Parse(Encoding.UTF8.GetBytes(cut));

        Assert.Null(result.Rejection);
        var issue = result.Issue!;
        Assert.Equal(7, issue.Documents.Count);
        Assert.Equal(23, issue.Documents[0].Tasks.Count);
        Assert.Contains(issue.Warnings, w => w.Contains("聊政办字〔2022〕26号") && w.Contains("not found in the body"));
    }

    [Fact]
    public void A_document_missing_from_the_toc_is_kept_and_warned_about()
    {
        var text = Samples.Text(Samples.Issue2022_06).Replace("关于明确聊城市劳动和社会保障监察管辖范围的通知\n\n聊政办字〔2022〕25号 15\n\n", "");

        var issue = GazetteParser.Parse(Encoding.UTF8.GetBytes(text)).Issue!;

        Assert.Equal(7, issue.Documents.Count);
        var found = Assert.Single(issue.Documents, d => d.DocNumber == "聊政办字〔2022〕25号");
        Assert.Null(found.TocPage);
        Assert.Equal("关于明确聊城市劳动和社会保障监察管辖范围的通知", found.Title);
        Assert.Equal("聊城市人民政府办公室", found.Issuer);
        Assert.Contains(issue.Warnings, w => w.Contains("聊政办字〔2022〕25号") && w.Contains("missing from the table of contents"));
        // In body order it sits between 24号 and 26号.
        Assert.Equal("聊政办字〔2022〕26号", issue.Documents[issue.Documents.ToList().IndexOf(found) + 1].DocNumber);
    }

    [Fact]
    public void An_issue_without_a_toc_is_read_from_its_document_headers()
    {
        var text = Samples.Text(Samples.Issue2022_06);
        var noToc = text[..text.IndexOf("目 录", StringComparison.Ordinal)] + text[text.IndexOf("聊城市人民政府文件", StringComparison.Ordinal)..];

        var issue = GazetteParser.Parse(Encoding.UTF8.GetBytes(noToc)).Issue!;

        Assert.Equal(
            ["关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", "关于印发聊城市居住证实施办法的通知",
             "印发关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的实施方案的通知", "印发关于开展干部助企远航行动的实施方案的通知",
             "关于明确聊城市劳动和社会保障监察管辖范围的通知", "关于印发聊城市建立健全职工基本医疗保险门诊共济保障机制实施细则的通知",
             "聊城市人民政府大事记(2022年6月)"],
            issue.Documents.Select(d => d.Title));
        Assert.All(issue.Documents, d => Assert.Null(d.TocPage));
        Assert.Equal(Samples.Issue(Samples.Issue2022_06).Documents.Select(d => d.Tasks.Count), issue.Documents.Select(d => d.Tasks.Count));
        Assert.Equal("no table of contents (目录) found; documents were found by their headers only", Assert.Single(issue.Warnings));
    }

    [Fact]
    public void Control_characters_and_bidi_marks_do_not_break_parsing()
    {
        var text = Samples.Text(Samples.Issue2022_06).Replace("关于稳住经济运行", "关于\u200E稳住\u0007经济运行\u202E");
        var result = GazetteParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Null(result.Rejection);
        Assert.Equal("关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", result.Issue!.Documents[0].Title);
    }

    public static TheoryData<string, int> MutationSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var sample in Samples.All)
        {
            for (var seed = 1; seed <= 3; seed++) data.Add(sample, seed);
        }

        return data;
    }

    /// <summary>
    /// Broken extractions: lines dropped, duplicated, cut short, swapped, stray markers and headers inserted. Whatever
    /// the damage, the parser answers with an issue or a reason — the catch-all "parser failed" must never be reached.
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationSeeds))]
    public void Damaged_issues_never_reach_the_parser_failure_net(string sample, int seed)
    {
        var random = new Random(seed);
        var original = Samples.Text(sample).Split('\n');
        string[] debris = ["（上接第3页）", "（下转第9页）", "聊政发〔2022〕6号", "聊城市人民政府", "2022年6月6日", "目 录", "◎市政府文件", "（责任单位：", "）", "一、", "（一）", "附件："];
        for (var round = 0; round < 40; round++)
        {
            var lines = new List<string>(original);
            for (var k = random.Next(1, 30); k > 0; k--)
            {
                var i = random.Next(lines.Count);
                switch (random.Next(5))
                {
                    case 0: lines.RemoveAt(i); break;
                    case 1: lines.Insert(i, lines[random.Next(lines.Count)]); break;
                    case 2: if (lines[i].Length > 2) lines[i] = lines[i][..random.Next(lines[i].Length)]; break;
                    case 3: lines.Insert(i, debris[random.Next(debris.Length)]); break;
                    default: var j = random.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); break;
                }
            }

            var result = GazetteParser.Parse(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            Assert.False(result.Rejection?.StartsWith("the parser failed", StringComparison.Ordinal) == true, result.Rejection);
        }
    }
}
