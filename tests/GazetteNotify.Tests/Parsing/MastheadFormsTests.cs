using GazetteNotify.Parsing.Masthead;

namespace GazetteNotify.Tests.Parsing;

/// <summary>Mastheads of other gazettes: province, city and district 公报 and 政报, issues numbered 第N期 or 第N号, with or without 总第N期.</summary>
public class MastheadFormsTests
{
    /// <summary>The masthead read from a cover, as "title year [issues] [cumulative numbers]".</summary>
    private static string Read(params string[] lines)
    {
        var masthead = MastheadParser.Parse(lines, -1, []);
        return $"{masthead.Title} {masthead.Year} [{string.Join(",", masthead.IssueNumbers)}] [{string.Join(",", masthead.CumulativeNumbers)}]";
    }

    [Fact]
    public void A_province_gazette_numbered_by_hao_with_its_cumulative_number()
    {
        Assert.Equal("广东省人民政府公报 2023 [5] [1789]", Read("广东省人民政府公报", "2023年第5号（总第1789号）"));
    }

    [Fact]
    public void A_district_gazette_with_the_issue_on_the_title_line_and_no_cumulative_number()
    {
        Assert.Equal("杭州市西湖区人民政府公报 2024 [3] []", Read("杭州市西湖区人民政府公报 2024年第3期"));
    }

    [Fact]
    public void A_zhengbao_with_the_year_above_a_chinese_numeral_issue()
    {
        Assert.Equal("浙江政报 2022 [6] []", Read("浙江政报", "2022", "第六期"));
    }

    [Fact]
    public void A_government_order_number_is_not_an_issue_number()
    {
        Assert.EndsWith("[] []", Read("济南市人民政府令", "第12号", "《济南市城市管理办法》已经市政府常务会议通过，现予公布。"), StringComparison.Ordinal);
    }
}
