using System.Text.Json;
using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Departments;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// A department's day, from the mail it starts in: `gazette serve` (SMTP to maildev, the clock at 2022-06-20) sends the
/// reminders of the 2022-06 sample; the test opens the finance bureau's mail in maildev's API, follows its 已收到 and
/// 标记为已完成 links in Chromium, presses the buttons, and reads the task's state from storage after each; then the
/// calendar link. Screenshots of each step.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class DepartmentPagesTests(BrowserFixture fx) : IClassFixture<MaildevFixture>, IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _finance = $"caizheng-{Guid.NewGuid().ToString("N")[..8]}@lc.example.gov.cn";
    private readonly TimeProvider _clock = ShiftedClock.StartingAt(new DateTimeOffset(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8)));
    private LocalRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, BrowserFixture.MaildevMail, _clock);
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);
        var departments = new DepartmentStore(_storage);
        await departments.SaveAsync((await departments.LoadAsync()).WithEmail("finance", _finance));
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    /// <summary>The finance bureau's own part of the task (docs/adr/0044).</summary>
    private async Task<string> StateAsync(string taskKey) =>
        (await new TaskStates(_storage).ProgressAsync(taskKey)) is { } progress ? StoredName.Of(progress.Of("finance")) : "open";

    [Fact]
    public async Task A_department_acknowledges_and_completes_a_task_from_its_reminder_mail()
    {
        // The daily job, as the timer runs it: batches onto the queue, sent by the runner's consumer to maildev.
        var run = await _runner.Services.GetRequiredService<SendDeadlineReminders>().RunAsync(dryRun: false);
        Assert.True(run.Batches > 0);
        var mail = Assert.Single(await MaildevFixture.MailsToAsync(_finance));
        Assert.Contains("市财政局", mail.GetProperty("subject").GetString());
        var html = mail.GetProperty("html").GetString()!;
        var acknowledge = Link(html, "已收到");
        var done = Link(html, "标记为已完成");
        var calendar = Link(html, "订阅日历（.ics）");
        var taskKey = ReminderLinks.ReadSubject(new GazetteNotify.Site.LinkTokens(Scenario.LinkSecret, _clock)
            .Verify(Token(acknowledge), ReminderLinks.AcknowledgePurpose).Subject)!.Value.TaskKey;
        Assert.Equal("open", await StateAsync(taskKey));

        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await ShotAsync(page, "dept-1-reminder-mail");

        // 已收到: the page shows the task and a button; pressing it records the state.
        await page.GotoAsync(acknowledge);
        await Expect(page.Locator("h1")).ToHaveTextAsync("确认已收到");
        await Expect(page.Locator("body")).ToContainTextAsync("市财政局");
        await ShotAsync(page, "dept-2-acknowledge-page");
        Assert.Equal("open", await StateAsync(taskKey)); // following the link (a mail scanner does) changes nothing
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已记录");
        await Expect(page.Locator("body")).ToContainTextAsync("已收到");
        await ShotAsync(page, "dept-3-acknowledged");
        Assert.Equal("acknowledged", await StateAsync(taskKey));

        // 标记为已完成, with a note.
        await page.GotoAsync(done);
        await Expect(page.Locator("h1")).ToHaveTextAsync("标记为已完成");
        await Expect(page.Locator("body")).ToContainTextAsync("当前状态：已收到");
        await page.FillAsync("#note", "已于6月18日拨付到位。");
        await ShotAsync(page, "dept-4-done-page");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已记录");
        await Expect(page.Locator("body")).ToContainTextAsync("此任务不会再提醒");
        await ShotAsync(page, "dept-5-done");
        var part = (await new TaskStates(_storage).ProgressAsync(taskKey))!.Units["finance"];
        Assert.Equal("done", StoredName.Of(part.State));
        Assert.Equal("已于6月18日拨付到位。", part.Note);

        // The calendar link answers an iCalendar feed of the department's limits.
        var feed = await page.APIRequest.GetAsync(calendar);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", await feed.TextAsync());
    }

    /// <summary>The href of the anchor with this text, as a mail client would follow it.</summary>
    private static string Link(string html, string text)
    {
        var match = Regex.Match(html, "<a href=\"([^\"]+)\">" + Regex.Escape(text) + "</a>");
        Assert.True(match.Success, $"no link 「{text}」 in the mail");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Token(string url) => Uri.UnescapeDataString(TokenParameter().Match(url).Groups[1].Value);

    [GeneratedRegex(@"[?&]token=([^&]+)")]
    private static partial Regex TokenParameter();
}
