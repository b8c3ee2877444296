using System.Text.RegularExpressions;
using GazetteNotify.Search;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Web;

/// <summary>The search page over an ingested issue: results linked to their document pages, words marked, input of any kind answered with a page.</summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class SearchHandlersTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SearchIndex _index = new(null);
    private readonly ArchiveSearch _search;

    public SearchHandlersTests() => _search = new ArchiveSearch(new ArchiveSource(_storage), _index, _clock);

    public void Dispose()
    {
        _search.Dispose();
        _index.Dispose();
    }

    private SearchHandlers Handlers(SiteSettings? settings = null) => new(_search, settings ?? SiteSettings.Local);

    private static SearchQuery Q(string? q = null, string? number = null, string? page = null, string? inForce = null) =>
        SearchQuery.From(q, number, null, null, null, null, inForce, page);

    [Fact]
    public async Task Results_link_to_their_document_pages_with_the_words_marked()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var page = await Handlers().PageAsync(Q("居住证"));

        Assert.Equal(200, page.Status);
        Assert.Contains("<h1>检索公报文件</h1>", page.Html);
        Assert.Matches("<a href=\"/documents/2022-06/\\d\\d\">关于印发聊城市<mark>居住证</mark>", page.Html);
        Assert.Contains("<mark>居住证</mark>", page.Html);
        Assert.Contains("聊政办字〔2022〕22号", page.Html);
        Assert.Matches("共找到 \\d+ 篇文件", page.Html);
        // The form keeps what was asked, and every field has its label.
        Assert.Contains("value=\"居住证\"", page.Html);
        foreach (Match id in FieldId().Matches(page.Html)) Assert.Contains($"<label for=\"{id.Groups[1].Value}\"", page.Html);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Links_stay_under_the_public_base_urls_path()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var page = await Handlers(SiteSettings.Local with { PublicBaseUrl = new Uri("https://example.gov.cn/gazette/") }).PageAsync(Q(number: "聊政办字"));

        Assert.Contains("action=\"/gazette/search\"", page.Html);
        Assert.Contains("href=\"/gazette/documents/2022-06/", page.Html);
    }

    [Fact]
    public async Task Nothing_asked_shows_the_form_alone()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var page = await Handlers().PageAsync(SearchQuery.Empty);

        Assert.Equal(200, page.Status);
        Assert.Contains("<form method=\"get\"", page.Html);
        Assert.DoesNotContain("共找到", page.Html);
        Assert.DoesNotContain("没有找到", page.Html);
    }

    [Fact]
    public async Task Hostile_or_endless_input_is_shown_as_text_and_answered()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();

        var hostile = await handlers.PageAsync(Q("<script>alert(1)</script>\"><img src=x onerror=alert(1)>", page: "-1"));
        var endless = await handlers.PageAsync(Q(string.Concat(Enumerable.Repeat("居住证*:(\"", 50_000)), page: "999999999"));

        Assert.Equal(200, hostile.Status);
        Assert.DoesNotContain("<script>", hostile.Html);
        Assert.DoesNotContain("<img", hostile.Html);
        Assert.Contains("&lt;script&gt;", hostile.Html);
        Assert.Equal(200, endless.Status);
        Assert.Matches("共找到 \\d+ 篇文件|没有找到符合条件的文件", endless.Html);
    }

    [Fact]
    public async Task A_later_page_links_back_and_on_with_the_same_query()
    {
        foreach (var sample in Samples.All) await Scenario.IngestAsync(_storage, _clock, sample);
        var total = (await _search.SearchAsync(Q(number: "聊"))).Total;
        Assert.True(total > SearchQuery.PageSize * 2, $"{total} numbered documents");

        var page = await Handlers().PageAsync(Q(number: "聊", page: "2"));

        Assert.Contains("href=\"/search?number=%E8%81%8A\" rel=\"prev\"", page.Html);
        Assert.Contains("href=\"/search?number=%E8%81%8A&amp;page=3\" rel=\"next\"", page.Html);
        Assert.Contains("start=\"11\"", page.Html);
    }

    [Fact]
    public async Task Storage_down_at_the_first_query_is_a_page_that_says_so()
    {
        var down = new GazetteStorage(new StorageSettings(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            null, null), new StorageNames("down"), new StorageClientTuning(0, TimeSpan.FromSeconds(2)));
        using var index = new SearchIndex(null);
        using var search = new ArchiveSearch(new ArchiveSource(down), index, _clock);

        var page = await new SearchHandlers(search, SiteSettings.Local).PageAsync(Q("居住证"));

        Assert.Equal(503, page.Status);
        Assert.Contains("检索暂时不可用", page.Html);
    }

    [GeneratedRegex("<(?:input|select)[^>]* id=\"([^\"]+)\"")]
    private static partial Regex FieldId();
}
