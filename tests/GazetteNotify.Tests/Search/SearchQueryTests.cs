using GazetteNotify.Search;

namespace GazetteNotify.Tests.Search;

/// <summary>Whatever a URL holds becomes a bounded query: capped words, plain filters, a page within range.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Words_of_any_length_are_capped_and_control_characters_dropped()
    {
        var query = SearchQuery.From(new string('居', 100_000), null, null, null, null, null, null, null);
        Assert.Equal(SearchQuery.MaxWords, query.Words.Length);

        var odd = SearchQuery.From("  居住证\u0000\u200B\t\n办法\uE000\uE001  ", null, null, null, null, null, null, null);
        Assert.Equal("居住证 办法", odd.Words); // the highlighter's private-use marks can never be asked for
        Assert.DoesNotContain('\uE000', odd.Words);

        Assert.Equal("𠮷野家", SearchQuery.From("\uD842𠮷野\uDC00家", null, null, null, null, null, null, null).Words); // a whole pair stays, a lone half goes
        Assert.Equal(new string('a', SearchQuery.MaxWords - 1), SearchQuery.From(new string('a', SearchQuery.MaxWords - 1) + "𠮷", null, null, null, null, null, null, null).Words);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    [InlineData("2", 2)]
    [InlineData("99999999999999999999", 1)]
    [InlineData("100000", SearchQuery.MaxPage)]
    [InlineData("二", 1)]
    public void The_page_is_always_between_1_and_the_last_page_served(string? page, int expected) =>
        Assert.Equal(expected, SearchQuery.From("居住证", null, null, null, null, null, null, page).Page);

    [Theory]
    [InlineData("2022", 2022)]
    [InlineData("1800", null)]
    [InlineData("２０２２", null)]
    [InlineData("2022 OR 1=1", null)]
    public void A_year_is_a_plain_number_in_range_or_nothing(string year, int? expected) =>
        Assert.Equal(expected, SearchQuery.From(null, null, null, null, year, null, null, null).Year);

    [Theory]
    [InlineData("聊政办字〔2022〕22号", "聊政办字〔2022〕22号")]
    [InlineData("聊政办字 [2022] 22号", "聊政办字〔2022〕22号")]
    [InlineData("聊政办字（2022）22号", "聊政办字〔2022〕22号")]
    [InlineData("聊政办字【２０２２】22号", "聊政办字〔2022〕22号")]
    public void Doc_numbers_written_with_other_brackets_meet_the_stored_one(string typed, string normal) =>
        Assert.Equal(normal, SearchQuery.From(null, typed, null, null, null, null, null, null).DocNumber);

    [Fact]
    public void Nothing_asked_is_empty_and_the_query_string_round_trips()
    {
        Assert.True(SearchQuery.From(null, "", "  ", null, "x", null, null, "3").IsEmpty);
        var query = SearchQuery.From("居住 证&a=b", "聊政办字", "聊城市人民政府", "economy", "2022", "通知", "1", "2");
        Assert.False(query.IsEmpty);
        Assert.Equal("?q=%E5%B1%85%E4%BD%8F%20%E8%AF%81%26a%3Db&number=%E8%81%8A%E6%94%BF%E5%8A%9E%E5%AD%97&issuer=%E8%81%8A%E5%9F%8E%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&topic=economy&year=2022&kind=%E9%80%9A%E7%9F%A5&inforce=1&page=2",
            SearchLinks.QueryString(query));
        var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(SearchLinks.QueryString(query));
        Assert.Equal(query, SearchQuery.From(back["q"], back["number"], back["issuer"], back["topic"], back["year"], back["kind"], back["inforce"], back["page"]));
    }
}
