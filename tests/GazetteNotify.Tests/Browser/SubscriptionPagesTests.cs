using System.Text.RegularExpressions;
using GazetteNotify.Mail;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// A person on a phone, with JavaScript off: subscribes, opens the confirmation mail, confirms on its page, changes preferences,
/// unsubscribes — every page in Chinese, labelled, and readable at 375 px. Screenshots of each page are kept.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class SubscriptionPagesTests(BrowserFixture fx)
{
    private async Task<IBrowserContext> PhoneAsync(bool javaScript = false) => await fx.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 740 },
        JavaScriptEnabled = javaScript,
        Locale = "zh-CN",
    });

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    /// <summary>What every page must be: Chinese, a viewport for phones, every field with a label, no sideways scrolling.</summary>
    private async Task CheckPageAsync(IPage page)
    {
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.NotNull(await page.QuerySelectorAsync("meta[name=viewport]"));
        foreach (var input in await page.QuerySelectorAllAsync("input:not([type=hidden]), select, textarea"))
        {
            var id = await input.GetAttributeAsync("id");
            Assert.True(id is not null && await page.QuerySelectorAsync($"label[for='{id}']") is not null, $"a field without a label on {page.Url}");
        }

        await using var phone = await PhoneAsync(javaScript: true); // layout is measured with scripts on; the flow runs without
        var probe = await phone.NewPageAsync();
        await probe.SetContentAsync(await page.ContentAsync());
        Assert.True(await probe.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways on a phone");
    }

    private string LatestMailText()
    {
        var latest = Directory.GetFiles(fx.Outbox, "*.eml").Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).Last();
        return MimeMessage.Load(latest.FullName).TextBody ?? "";
    }

    [Fact]
    public async Task Subscribe_confirm_change_preferences_and_unsubscribe_in_a_browser_without_javascript()
    {
        var email = $"reader-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fx.Runner.BaseUrl.ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("订阅聊城市人民政府公报");
        await CheckPageAsync(page);
        await ShotAsync(page, "1-subscribe");
        await page.FillAsync("#email", email);
        await page.CheckAsync("#topic-public-security-justice");
        await page.FillAsync("#keywords", "居住证、减税");
        await page.SelectOptionAsync("#frequency", "Daily");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("请查收邮件");
        await ShotAsync(page, "2-check-your-mail");

        var store = new SubscriberStore(fx.Storage, TimeProvider.System);
        Assert.Equal(SubscriptionStatus.Pending, (await store.GetAsync(EmailAddress.Parse(email)))!.Status);
        var confirm = ConfirmLink().Match(LatestMailText()).Value;
        Assert.StartsWith(fx.Runner.BaseUrl.ToString(), confirm, StringComparison.Ordinal);

        await page.GotoAsync(confirm);
        await Expect(page.Locator("h1")).ToHaveTextAsync("确认订阅");
        await CheckPageAsync(page);
        await Expect(page.Locator("dl")).ToContainTextAsync("居住证、减税");
        await ShotAsync(page, "3-confirm-page");
        Assert.Equal(SubscriptionStatus.Pending, (await store.GetAsync(EmailAddress.Parse(email)))!.Status);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("订阅已确认");
        await ShotAsync(page, "3-confirmed");
        Assert.Equal(SubscriptionStatus.Active, (await store.GetAsync(EmailAddress.Parse(email)))!.Status);

        await page.ClickAsync("text=管理订阅");
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理订阅");
        await CheckPageAsync(page);
        await Expect(page.Locator("#keywords")).ToHaveValueAsync("居住证、减税");
        await Expect(page.Locator("#topic-public-security-justice")).ToBeCheckedAsync();
        await ShotAsync(page, "4-manage");
        await page.FillAsync("#keywords", "公积金");
        await page.UncheckAsync("#topic-public-security-justice");
        await page.CheckAsync("#topic-finance");
        await page.SelectOptionAsync("#frequency", "Weekly");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已保存");
        var changed = (await store.GetAsync(EmailAddress.Parse(email)))!.Preferences;
        Assert.Equal(["公积金"], changed.Keywords);
        Assert.Equal(["finance"], changed.Topics);
        Assert.Equal(DigestFrequency.Weekly, changed.Frequency);

        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.ClickAsync("text=退订");
        await Expect(page.Locator("h1")).ToHaveTextAsync("退订");
        await ShotAsync(page, "5-unsubscribe");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已退订");
        await ShotAsync(page, "6-unsubscribed");
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await store.GetAsync(EmailAddress.Parse(email)))!.Status);
    }

    [Fact]
    public async Task A_bad_address_is_answered_on_the_form_and_a_tampered_link_changes_nothing()
    {
        await using var context = await PhoneAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fx.Runner.BaseUrl.ToString());
        await page.FillAsync("#email", "not-an-address@");
        await page.FillAsync("#keywords", "居住证");
        await page.Locator("form").EvaluateAsync("f => f.noValidate = true"); // as an old browser would: the server must check
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("请填写有效的电子邮箱地址");

        await page.GotoAsync(fx.Runner.BaseUrl + "confirm?token=forged.token");
        await Expect(page.Locator("h1")).ToHaveTextAsync("链接无效");
        await ShotAsync(page, "7-invalid-link");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
