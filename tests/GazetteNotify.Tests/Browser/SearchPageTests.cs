using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// A reader on a phone, JavaScript off, searches the archive `gazette serve` holds: a word from a document's title finds
/// it, marked, with a link to its page; the filters narrow it; every field is labelled. Screenshots are kept.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchPageTests(BrowserFixture fx) : IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-search-").FullName;
    private LocalRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, new() { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = _outbox });
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_word_from_a_title_finds_the_document_and_links_to_its_page()
    {
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            JavaScriptEnabled = false,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_runner.BaseUrl + "search");
        await Expect(page.Locator("h1")).ToHaveTextAsync("检索公报文件");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        foreach (var field in await page.QuerySelectorAllAsync("input, select"))
        {
            var id = await field.GetAttributeAsync("id");
            Assert.True(id is not null && await page.QuerySelectorAsync($"label[for='{id}']") is not null, "a field without a label");
        }

        await ShotAsync(page, "search-1-form");
        await page.FillAsync("#q", "居住证");
        await page.ClickAsync("button[type=submit]");

        var first = page.Locator(".hits li").First;
        await Expect(first.Locator("h2 a")).ToHaveTextAsync("关于印发聊城市居住证实施办法的通知");
        await Expect(first.Locator("h2 mark")).ToHaveTextAsync("居住证");
        await Expect(first.Locator(".meta")).ToContainTextAsync("聊政办字〔2022〕22号");
        Assert.Matches("^/documents/2022-06/\\d\\d$", await first.Locator("h2 a").GetAttributeAsync("href"));
        Assert.Contains("q=%E5%B1%85%E4%BD%8F%E8%AF%81", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the results scroll sideways on a phone");
        await ShotAsync(page, "search-2-results");

        // By number: the same document, shown as no longer in force (有效期至2025年7月31日); "still in force" leaves it out.
        await page.GotoAsync(_runner.BaseUrl + "search");
        await page.FillAsync("#number", "聊政办字〔2022〕22号");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".hits li h2 a")).ToHaveTextAsync("关于印发聊城市居住证实施办法的通知");
        await Expect(page.Locator(".hits li .meta")).ToContainTextAsync("已失效");
        await ShotAsync(page, "search-3-by-number");
        await page.CheckAsync("#inforce");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("没有找到符合条件的文件。");
        await Expect(page.Locator("#inforce")).ToBeCheckedAsync();

        await page.UncheckAsync("#inforce");
        await page.FillAsync("#number", "");
        await page.SelectOptionAsync("#year", new SelectOptionValue { Label = "2022年" });
        await page.FillAsync("#q", "<script>alert(1)</script>");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("没有找到符合条件的文件。");
        await Expect(page.Locator("#q")).ToHaveValueAsync("<script>alert(1)</script>");
        await ShotAsync(page, "search-4-nothing-found");
    }
}
