using System.Text;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// A traditional-character copy (a mirror site's, a Hong Kong reprint's) reads like the simplified original: the same
/// title, number and units, so that the departments directory and subscribers' keywords match it; the reader is told.
/// </summary>
public class TraditionalScriptTests
{
    private const string TraditionalNotice = """
        西安市人民政府辦公廳關于支持實體經濟發展若干財稅措施的意見
        市政辦發〔2018〕72號
        各區、縣人民政府，市人民政府各工作部門、各直屬機構：
        為全面貫徹黨的十九大精神，持續推進經濟發展方式轉變，制定本意見。
        一、大力支持工業穩增長、促投資
        （一）持續加大投入力度。累計安排各類支持工業發展的專項資金，2018年12月底前完成撥付。（牽頭單位：市工信委；責任單位：市財政局）
        西安市人民政府辦公廳
        2018年4月3日
        """;

    [Fact]
    public void A_traditional_copy_is_read_as_simplified_and_says_so()
    {
        var issue = GazetteParser.Parse(Encoding.UTF8.GetBytes(TraditionalNotice)).Issue!;

        var document = Assert.Single(issue.Documents);
        Assert.Equal("市政办发〔2018〕72号", document.DocNumber);
        Assert.Contains("关于支持实体经济发展若干财税措施的意见", document.Title);
        Assert.Equal("西安市人民政府办公厅", document.Issuer);
        var task = Assert.Single(document.Tasks);
        Assert.Equal(["市工信委"], task.Lead);
        Assert.Equal(["市财政局"], task.Support);
        Assert.Contains(issue.Warnings, w => w.Contains("traditional characters", StringComparison.Ordinal));
    }

    [Fact]
    public void The_output_keeps_the_original_text_and_validates_against_the_contract()
    {
        var issue = GazetteParser.Parse(Encoding.UTF8.GetBytes(TraditionalNotice)).Issue!;

        Assert.Equal("traditional", issue.Original?.Script);
        Assert.Contains("關于支持實體經濟發展若干財稅措施的意見", issue.Original!.Text, StringComparison.Ordinal);
        Assert.Contains("（牽頭單位：市工信委；責任單位：市財政局）", issue.Original.Text, StringComparison.Ordinal);
        var json = GazetteNotify.Parsing.Model.GazetteJson.Serialize(issue);
        Assert.Contains("\"script\": \"traditional\"", json, StringComparison.Ordinal);
        Assert.Empty(ContractTests.Validate(json));
    }

    [Theory]
    [InlineData(Samples.Issue2018_07)]
    [InlineData(Samples.Issue2019_08)]
    [InlineData(Samples.Issue2022_06)]
    public void A_simplified_issue_is_left_as_it_is(string sample)
    {
        Assert.False(TraditionalScript.IsTraditional(File.ReadAllLines(Samples.PathOf(sample))));
        Assert.DoesNotContain(Samples.Issue(sample).Warnings, w => w.Contains("traditional characters", StringComparison.Ordinal));
        Assert.Null(Samples.Issue(sample).Original);
    }

    [Fact]
    public void A_few_rare_characters_in_a_simplified_text_do_not_make_it_traditional()
    {
        // 堃 and 琛 lie outside GB2312 but are ordinary in names of simplified texts.
        Assert.False(TraditionalScript.IsTraditional(["市发展和改革委员会主任王堃、副主任李琛出席会议并讲话，会议研究部署了全年重点工作任务。"]));
        Assert.True(TraditionalScript.IsTraditional(["市發展和改革委員會主任出席會議並講話，會議研究部署了全年重點工作任務。"]));
    }
}
