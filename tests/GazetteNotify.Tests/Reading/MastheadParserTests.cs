using GazetteNotify.Parsing.Masthead;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Tests.Reading;

public class MastheadParserTests
{
    [Theory]
    [InlineData("聊城市人民政府公报\n\n2022\n第6期（总第231期）\n", "聊城市人民政府公报", 2022, new[] { 6 }, new[] { 231 })]
    [InlineData("# 济南市人民政府公报\n## 2024年第9-10期\n(总第258-259期)\n", "济南市人民政府公报", 2024, new[] { 9, 10 }, new[] { 258, 259 })]
    [InlineData("某某市人民政府公报\n2021年 第 12 期 总第 100 期\n", "某某市人民政府公报", 2021, new[] { 12 }, new[] { 100 })]
    [InlineData("淄博市政报\n2020年第十期\n", "淄博市政报", 2020, new[] { 10 }, new int[0])]
    [InlineData("某某市人民政府公报\n二〇二二年第六期（总第二三一期）\n", "某某市人民政府公报", 2022, new[] { 6 }, new int[0])]
    public void Title_year_issue_and_cumulative_numbers(string cover, string title, int year, int[] issues, int[] cumulative)
    {
        var warnings = new List<string>();
        var masthead = MastheadParser.Parse(LineNormalizer.Normalize(cover), -1, warnings);
        Assert.Equal(title, masthead.Title);
        Assert.Equal(year, masthead.Year);
        Assert.Equal(issues, masthead.IssueNumbers);
        Assert.Equal(cumulative, masthead.CumulativeNumbers);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_missing_masthead_is_a_warning_not_a_failure()
    {
        var warnings = new List<string>();
        var masthead = MastheadParser.Parse(LineNormalizer.Normalize("关于加强安全生产工作的意见\n"), -1, warnings);
        Assert.Equal("", masthead.Title);
        Assert.Empty(masthead.IssueNumbers);
        Assert.Equal(2, warnings.Count);
    }
}
