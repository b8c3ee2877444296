using System.Text.Json;
using System.Text.RegularExpressions;
using GazetteNotify.Alerts;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Departments;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// The archive as people reach it (`gazette serve`, SMTP to maildev, the clock at 2022-06-20, JavaScript off): a
/// subscriber opens a digest in maildev and follows its document link to the document's page, with its full text and
/// its tasks; a department follows its reminder's 查看原文 link to the task's anchor; then the issue's page, its
/// download, a 404, the page printed and on a phone. Screenshots of each step.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class DocumentPagesTests(BrowserFixture fx) : IClassFixture<MaildevFixture>, IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly TimeProvider _clock = ShiftedClock.StartingAt(new DateTimeOffset(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8)));
    private readonly string _reader = $"reader-{Guid.NewGuid().ToString("N")[..8]}@example.com";
    private readonly string _finance = $"caizheng-{Guid.NewGuid().ToString("N")[..8]}@lc.example.gov.cn";
    private LocalRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, BrowserFixture.MaildevMail, _clock);
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await Scenario.SubscribeAsync(_storage, _clock, _reader, Scenario.Keywords("稳住经济运行"));
        var departments = new DepartmentStore(_storage);
        await departments.SaveAsync((await departments.LoadAsync()).WithEmail("finance", _finance));
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private static async Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = fullPage });

    /// <summary>The newest mail maildev holds for an address with this subject part, waiting for it (serve's queue consumer sends it).</summary>
    private static async Task<JsonElement> MailAsync(string to, string subjectPart)
    {
        for (var i = 0; i < 300; i++)
        {
            var found = (await MaildevFixture.MailsToAsync(to)).LastOrDefault(m => m.GetProperty("subject").GetString()!.Contains(subjectPart, StringComparison.Ordinal));
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"no mail 「{subjectPart}」 to {to} in maildev");
    }

    /// <summary>The href of the first anchor with this text, as a mail client would follow it.</summary>
    private static string Link(string html, string text)
    {
        var match = Regex.Match(html, "<a href=\"([^\"]+)\"[^>]*>" + Regex.Escape(text) + "</a>");
        Assert.True(match.Success, $"no link 「{text}」 in the mail");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task From_a_digest_to_the_documents_text_and_tasks_and_from_a_reminder_to_the_tasks_anchor()
    {
        var document = Samples.Issue(Samples.Issue2022_06).Documents[0];
        Assert.NotEmpty(document.Tasks);
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // The digest in maildev: the document's title is a link to its page, which names no one.
        await _runner.Services.GetRequiredService<SendTopicAlerts>().RunAsync();
        var digest = await MailAsync(_reader, "份新文件与您的订阅相关");
        var html = digest.GetProperty("html").GetString()!;
        var link = Link(html, document.Title);
        Assert.Equal(Routes.DocumentUrl(_runner.BaseUrl, "2022-06", "01").AbsoluteUri, link);
        Assert.DoesNotContain(_reader.Split('@')[0], link, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("全文：" + link, digest.GetProperty("text").GetString()!);
        await page.SetContentAsync(html);
        await ShotAsync(page, "archive-1-digest-mail");

        // One click: the document's page, its facts, its full text and its tasks.
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync(document.Title);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(document.DocNumber!);
        var body = page.Locator(".body");
        foreach (var paragraph in document.Paragraphs.Where(p => p.Kind == "text").Take(5)) await Expect(body).ToContainTextAsync(paragraph.Text);
        await Expect(page.Locator("#tasks + .scroll tbody tr")).ToHaveCountAsync(document.Tasks.Count);
        await Expect(page.Locator(".body aside.task")).ToHaveCountAsync(document.Tasks.Count(t => t.Paragraph is not null));
        await ShotAsync(page, "archive-2-document-page");

        // A department's reminder: its 查看原文 link lands on the task's anchor, beside the clause, in view.
        await _runner.Services.GetRequiredService<SendDeadlineReminders>().RunAsync(dryRun: false);
        var reminder = await MailAsync(_finance, "市财政局");
        var original = Link(reminder.GetProperty("html").GetString()!, "查看原文");
        Assert.StartsWith(Routes.DocumentUrl(_runner.BaseUrl, "2022-06", "").AbsoluteUri, original, StringComparison.Ordinal);
        var anchor = new Uri(original).Fragment.TrimStart('#');
        Assert.Matches("^task-[0-9]{3}$", anchor);
        await page.GotoAsync(original);
        var target = page.Locator($"[id='{anchor}']");
        await Expect(target).ToBeVisibleAsync();
        await Expect(target).ToBeInViewportAsync();
        await ShotAsync(page, "archive-3-task-anchor-from-reminder", fullPage: false);

        // The issue's page from the document's, its contents linking every document, and the upload as a download.
        await page.GotoAsync(link);
        await page.ClickAsync("nav a");
        await Expect(page.Locator("h1")).ToContainTextAsync("2022年第6期");
        await Expect(page.Locator("#toc ~ ul a")).ToHaveCountAsync(Samples.Issue(Samples.Issue2022_06).Documents.Count);
        await ShotAsync(page, "archive-4-issue-page");
        var download = await page.APIRequest.GetAsync(new Uri(_runner.BaseUrl, await page.Locator("#download + p a").GetAttributeAsync("href")).ToString());
        Assert.Equal(200, download.Status);
        Assert.StartsWith("attachment;", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(Samples.Bytes(Samples.Issue2022_06), await download.BodyAsync());

        // An unknown document: the site's 404 page.
        var missing = await page.GotoAsync(Routes.DocumentUrl(_runner.BaseUrl, "2022-06", "99").ToString());
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("未找到");
        await ShotAsync(page, "archive-5-not-found");

        // Printed: no navigation, the text and the tasks kept.
        await page.GotoAsync(link);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#tasks")).ToBeVisibleAsync();
        await ShotAsync(page, "archive-6-document-print");

        // On a phone: one column, nothing wider than the screen but the tables, which scroll on their own.
        await using var phone = await fx.Browser.NewContextAsync(new BrowserNewContextOptions
            { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(link);
        await ShotAsync(small, "archive-7-document-phone");
        var bodyWidth = await small.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(bodyWidth <= 390, $"the page is {bodyWidth}px wide on a 390px phone");
    }
}
