using System.Text;
using GazetteNotify.Formats.Html;
using GazetteNotify.Parsing;
using GazetteNotify.Tests.Formats.Word;
using GazetteNotify.Tests.Support;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Formats.Html;

/// <summary>
/// The three real issues, and single documents of them, served as government web pages (<see cref="GovPage"/>) in UTF-8
/// and in GBK, read back and parsed, give what their text gives: the same documents, tasks and time limits.
/// </summary>
public class HtmlSampleRoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> Issues => new()
    {
        { Samples.Issue2018_07, false }, { Samples.Issue2018_07, true },
        { Samples.Issue2019_08, false }, { Samples.Issue2019_08, true },
        { Samples.Issue2022_06, false }, { Samples.Issue2022_06, true },
    };

    [Theory]
    [MemberData(nameof(Issues))]
    public void A_sample_issue_served_as_a_web_page_parses_as_its_text_does(string sample, bool gbk)
    {
        var text = Samples.Text(sample);
        var title = $"聊城市人民政府公报{sample[10..14]}年第{int.Parse(sample[15..17], System.Globalization.CultureInfo.InvariantCulture)}期";
        var info = new[] { ("索引号", "11371500004306338J/2022-00123"), ("主题分类", "综合政务"), ("发布机构", "聊城市人民政府办公室"), ("成文日期", "2022-07-01"), ("标题", title) };
        var html = GovPage.Html(title, info, GovPage.Article(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')),
            gbk ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">" : "<meta charset=\"utf-8\">");
        var read = HtmlUploadReader.Read(gbk ? GovPage.Gbk(html) : Encoding.UTF8.GetBytes(html));
        Assert.Null(read.Rejection);
        Assert.Empty(read.Warnings);
        Assert.DoesNotContain(GovPage.ScriptText, read.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("当前位置", read.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("相关链接", read.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("网站标识码", read.Text!, StringComparison.Ordinal);

        output.WriteLine(string.Join("\n", read.Text!.Split('\n').Take(25)) + "\n....\n" + string.Join("\n", read.Text!.Split('\n').TakeLast(8)));
        var fromPage = GazetteParser.ParseText(read.Text!);
        Assert.Null(fromPage.Rejection);
        var comparison = IssueComparison.Between(Samples.Issue(sample), fromPage.Issue!);
        output.WriteLine($"{sample} ({(gbk ? "GBK" : "UTF-8")}): {Samples.Issue(sample).Documents.Sum(d => d.Tasks.Count)} tasks; {comparison.TaskDifferences} task differences");
        foreach (var difference in comparison.All) output.WriteLine(difference);

        Assert.Empty(comparison.Documents);
        Assert.True(comparison.TaskDifferences <= 1, string.Join("\n", comparison.Tasks));
        Assert.Empty(comparison.Deadlines);
    }

    [Theory]
    [InlineData(Samples.Issue2022_06, "聊政发〔2022〕6号", false)]
    [InlineData(Samples.Issue2022_06, "聊政发〔2022〕6号", true)]
    [InlineData(Samples.Issue2019_08, "聊政发〔2019〕12号", false)]
    [InlineData(Samples.Issue2019_08, "聊政发〔2019〕12号", true)]
    public void A_document_s_own_page_gives_its_number_from_the_information_table_and_its_tasks(string sample, string docNumber, bool gbk)
    {
        // As a site publishes a document: the number, issuer and date only in the information table, the title above the
        // article, the article from the salutation on.
        var expected = Samples.Document(sample, docNumber);
        var title = $"{expected.Issuer}{expected.Title}";
        var info = new[]
        {
            ("索引号", "11371500004306338J/2022-00088"), ("主题分类", "综合政务"), ("发布机构", expected.Issuer!), ("成文日期", $"{expected.SignedDate:yyyy-MM-dd}"),
            ("标题", title), ("发文字号", docNumber), ("有效性", "有效"), ("发布日期", "2022-07-05"),
        };
        var html = GovPage.Html(title, info, GovPage.Article(Samples.TextOf(sample, docNumber).Split('\n')),
            gbk ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">" : "<meta charset=\"utf-8\">");
        var read = HtmlUploadReader.Read(gbk ? GovPage.Gbk(html) : Encoding.UTF8.GetBytes(html));
        Assert.Null(read.Rejection);
        Assert.Contains($"发文字号：{docNumber}", read.Text!.Split('\n'));

        var fromPage = GazetteParser.ParseText(read.Text!);
        Assert.Null(fromPage.Rejection);
        var document = Assert.Single(fromPage.Issue!.Documents);
        var comparison = IssueComparison.Between(new(Samples.Issue(sample).Gazette, [expected], []), new(fromPage.Issue.Gazette, [document], []));
        output.WriteLine($"{docNumber} ({(gbk ? "GBK" : "UTF-8")}): title 「{document.Title}」, {expected.Tasks.Count} tasks; {comparison.TaskDifferences} task differences");
        foreach (var difference in comparison.All) output.WriteLine(difference);

        Assert.Equal(docNumber, document.DocNumber);
        Assert.Equal(expected.SignedDate, document.SignedDate);
        Assert.Equal(expected.Title, document.Title);
        Assert.Equal(expected.Issuer, document.Issuer);
        Assert.True(comparison.TaskDifferences <= 1, string.Join("\n", comparison.Tasks));
        Assert.Empty(comparison.Deadlines);
    }
}
