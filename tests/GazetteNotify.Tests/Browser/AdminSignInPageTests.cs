using GazetteNotify.Admin;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// The admin signs in at `gazette serve` in a browser: the key is typed once into the login form; then the dashboard,
/// an issue's page, a button pressed, the record of who did it, a logout. Every URL the browser visited or requested
/// is free of the key (history, server logs, Referer), the session cookie is Secure, HttpOnly and SameSite=Strict,
/// and the action is recorded with the session, not the key.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AdminSignInPageTests(BrowserFixture fx) : IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-signin-").FullName;
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

    [Fact]
    public async Task The_key_is_typed_once_never_in_a_url_and_the_action_records_the_session()
    {
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) => visited.Add(frame.Url);
        context.Request += (_, request) => visited.Add(request.Url);

        // Not signed in: the admin page leads to the login form; the key goes in once.
        await page.GotoAsync(_runner.BaseUrl + "admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理员登录");
        await page.FillAsync("#admin-key", "wrong-key-0123456789");
        await page.Locator("button", new() { HasText = "登录" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("密钥不正确");
        await page.FillAsync("#admin-key", BrowserFixture.AdminKey);
        await page.Locator("button", new() { HasText = "登录" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("当前登录：本地管理员（会话 ");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "admin-0-signed-in.png"), FullPage = true });

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "gazette-admin");
        Assert.Equal((true, true, SameSiteAttribute.Strict), (cookie.Secure, cookie.HttpOnly, cookie.SameSite));
        Assert.DoesNotContain(BrowserFixture.AdminKey, cookie.Value, StringComparison.Ordinal);

        // The pages without the key: an issue, back to the dashboard, a button pressed.
        await page.ClickAsync("text=2022-06");
        await Expect(page.Locator("h1")).ToContainTextAsync("2022-06");
        await page.ClickAsync("text=← 全部公报");
        await Expect(page.Locator("body")).ToContainTextAsync("当前登录：");
        await page.Locator("form[action*='admin/review/settle']").First.Locator("button", new() { HasText = "不提醒" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已完成");
        await page.ClickAsync("text=返回管理页面");
        var who = System.Text.RegularExpressions.Regex.Match(await page.Locator("body").InnerTextAsync(), "当前登录：(本地管理员（会话 [0-9a-f]{8}）)").Groups[1].Value;
        var record = page.Locator("table:has(th:text('操作人'))");
        await Expect(record).ToContainTextAsync(who);
        var action = Assert.Single(await new AdminAudit(_storage, TimeProvider.System).RecentAsync(10));
        Assert.Equal(who, action.Who);
        Assert.StartsWith("本地管理员（会话 ", action.Who, StringComparison.Ordinal);

        // Logout: back at the login form, and the admin page no longer opens.
        await page.Locator("button", new() { HasText = "退出登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理员登录");
        await page.GotoAsync(_runner.BaseUrl + "admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理员登录");

        Assert.True(visited.Count >= 8, string.Join("\n", visited));
        Assert.DoesNotContain(visited, url => url.Contains(BrowserFixture.AdminKey, StringComparison.Ordinal) || url.Contains("code=", StringComparison.Ordinal));
    }
}
