using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GazetteNotify.Alerts;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// A subscriber's path, each step started from the mail it arrives in (`gazette serve`, SMTP to maildev, the clock at
/// 2022-06-20): subscribe on the page; open the confirmation in maildev, follow its button to the page that shows what
/// will be confirmed and press 确认订阅 there; receive a digest, open
/// its 管理订阅 link and change the preferences; open its 退订 link and unsubscribe; subscribe again and leave by the
/// mail's own one-click header, as a mailbox provider posts it (RFC 8058). Storage is read after every step.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class SubscriberMailPathTests(BrowserFixture fx) : IClassFixture<MaildevFixture>, IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly TimeProvider _clock = ShiftedClock.StartingAt(new DateTimeOffset(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8)));
    private readonly string _reader = $"reader-{Guid.NewGuid().ToString("N")[..8]}@example.com";
    private LocalRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, BrowserFixture.MaildevMail, _clock);
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private SubscriberStore Store => new(_storage, _clock);

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    /// <summary>The newest mail maildev holds for the reader with this subject start, waiting for it.</summary>
    private async Task<JsonElement> MailAsync(string subjectStart)
    {
        // Up to a minute: the digest goes through serve's queue consumer, which a loaded CI machine can hold for a while.
        for (var i = 0; i < 300; i++)
        {
            var found = (await MaildevFixture.MailsToAsync(_reader)).LastOrDefault(m => m.GetProperty("subject").GetString()!.Contains(subjectStart, StringComparison.Ordinal));
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"no mail 「{subjectStart}」 to {_reader} in maildev");
    }

    private static string Link(JsonElement mail, string text)
    {
        var match = Regex.Match(mail.GetProperty("html").GetString()!, "<a href=\"([^\"]+)\"[^>]*>" + Regex.Escape(text) + "</a>");
        Assert.True(match.Success, $"no link 「{text}」 in 「{mail.GetProperty("subject").GetString()}」");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<SubscriptionStatus?> StatusAsync() => (await Store.GetAsync(EmailAddress.Parse(_reader)))?.Status;

    [Fact]
    public async Task Confirm_manage_unsubscribe_and_one_click_each_from_the_mail_it_starts_in()
    {
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // Subscribe on the page; the confirmation arrives in maildev with a button and the address written out.
        await page.GotoAsync(_runner.BaseUrl.ToString());
        await page.FillAsync("#email", _reader);
        await page.FillAsync("#keywords", "居住证");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("请查收邮件");
        var confirmation = await MailAsync("请确认您的订阅");
        var confirm = Link(confirmation, "确认订阅");
        Assert.Contains(confirm, confirmation.GetProperty("text").GetString()!.Split('\n')); // the URL on a line of its own
        Assert.DoesNotContain(_reader, confirm, StringComparison.OrdinalIgnoreCase);            // the link does not say whose it is
        Assert.DoesNotContain(Uri.EscapeDataString(_reader), confirm, StringComparison.OrdinalIgnoreCase);
        await page.SetContentAsync(confirmation.GetProperty("html").GetString()!);
        await ShotAsync(page, "reader-1-confirmation-mail");
        Assert.Equal(SubscriptionStatus.Pending, await StatusAsync());

        // Following the mail's button opens a page that says what will be confirmed; only its button confirms.
        await page.ClickAsync("a:has-text('确认订阅')");
        Assert.Equal(confirm, page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("确认订阅");
        await Expect(page.Locator("main")).ToContainTextAsync(_reader[0] + "***@example.com");
        await Expect(page.Locator("dl")).ToContainTextAsync("关键词居住证");
        await Expect(page.Locator("dl")).ToContainTextAsync("发送频率每期公报发布后");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(_reader);
        await ShotAsync(page, "reader-1b-confirm-page");
        Assert.Equal(SubscriptionStatus.Pending, await StatusAsync()); // opening the link (as a mail scanner does) changed nothing
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("订阅已确认");
        Assert.Equal(SubscriptionStatus.Active, await StatusAsync());
        Assert.Equal(["居住证"], (await Store.GetAsync(EmailAddress.Parse(_reader)))!.Preferences.Keywords);

        // A digest (alerts as the timer runs them, through the queue to maildev); its manage link changes the preferences.
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await _runner.Services.GetRequiredService<SendTopicAlerts>().RunAsync();
        var digest = await MailAsync("份新文件与您的订阅相关");
        await page.SetContentAsync(digest.GetProperty("html").GetString()!);
        await ShotAsync(page, "reader-2-digest-mail");
        await page.GotoAsync(Link(digest, "管理订阅"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理订阅");
        await Expect(page.Locator("#keywords")).ToHaveValueAsync("居住证");
        await page.FillAsync("#keywords", "公积金");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已保存");
        Assert.Equal(["公积金"], (await Store.GetAsync(EmailAddress.Parse(_reader)))!.Preferences.Keywords);

        // Its 退订 link: a page with a button (a scanner following the link changes nothing), then unsubscribed.
        await page.GotoAsync(Link(digest, "退订"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("退订");
        Assert.Equal(SubscriptionStatus.Active, await StatusAsync());
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已退订");
        await ShotAsync(page, "reader-3-unsubscribed");
        Assert.Equal(SubscriptionStatus.Unsubscribed, await StatusAsync());

        // One-click (RFC 8058): the digest's own List-Unsubscribe header, posted as a mailbox provider posts it.
        // Active again: the first confirmation's link is spent (confirming erased its request), and a new one waits out
        // the 10-minute throttle, so the address is added back as `gazette subscribers add` does.
        await Store.ActivateAsync(EmailAddress.Parse(_reader), Scenario.Keywords("居住证"));
        Assert.Equal(SubscriptionStatus.Active, await StatusAsync());
        using var http = new HttpClient { BaseAddress = MaildevFixture.Api };
        await using var source = await http.GetStreamAsync($"email/{digest.GetProperty("id").GetString()}/source");
        var raw = await MimeMessage.LoadAsync(source);
        Assert.Equal("List-Unsubscribe=One-Click", raw.Headers["List-Unsubscribe-Post"]);
        var oneClick = raw.Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var provider = new HttpClient();
        using var posted = await provider.PostAsync(oneClick, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.True(posted.IsSuccessStatusCode, $"one-click answered {(int)posted.StatusCode}");
        Assert.Equal(SubscriptionStatus.Unsubscribed, await StatusAsync());
    }
}
