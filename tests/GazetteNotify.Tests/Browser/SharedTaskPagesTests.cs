using System.Text.Json;
using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// A task two lead departments share (issue 21, finding 2), from their reminder mails in maildev: `gazette serve`
/// (SMTP to maildev, the clock at 2022-06-20) sends both reminders; in Chromium the finance bureau presses
/// 标记为已完成; the natural-resources bureau's own link still says 待办 and offers the button; at the next milestone
/// (06-23) natural resources is reminded of the task again and finance is not; the admin's issue page shows who did what.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class SharedTaskPagesTests(BrowserFixture fx) : IClassFixture<MaildevFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8));
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly MovableClock _clock = new(Start);
    private LocalRunner _runner = null!;

    private string Address(string departmentId) => $"{departmentId}-{_run}@lc.example.gov.cn";

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, BrowserFixture.MaildevMail, _clock);
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);
        await SharedTask.SeedAsync(_storage, ["finance", "natural-resources"], email: Address);
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    private Task<ReminderRun> RemindAsync() => _runner.Services.GetRequiredService<SendDeadlineReminders>().RunAsync(dryRun: false);

    [Fact]
    public async Task One_department_completing_a_shared_task_leaves_the_other_reminded_and_offered_the_button()
    {
        await RemindAsync();
        var financeMail = Assert.Single(await MaildevFixture.MailsToAsync(Address("finance")));
        var resourcesMail = Assert.Single(await MaildevFixture.MailsToAsync(Address("natural-resources")));
        var financeDone = DoneLink(financeMail);
        var resourcesDone = DoneLink(resourcesMail);

        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // The finance bureau marks its part done from its own mail.
        await page.GotoAsync(financeDone);
        await Expect(page.Locator("h1")).ToHaveTextAsync("标记为已完成");
        await Expect(page.Locator("body")).ToContainTextAsync("当前状态：待办");
        await Expect(page.Locator("body")).ToContainTextAsync("牵头单位已完成 0/2");
        await page.FillAsync("#note", "本局部分已于6月19日完成。");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("已记录");
        await Expect(page.Locator("body")).ToContainTextAsync("此任务不会再提醒本单位");
        await Expect(page.Locator("body")).ToContainTextAsync("牵头单位已完成 1/2");
        await ShotAsync(page, "shared-1-finance-done");

        // The natural-resources bureau's link: its own part is still open, and the button is there.
        await page.GotoAsync(resourcesDone);
        await Expect(page.Locator("body")).ToContainTextAsync("当前状态：待办");
        await Expect(page.Locator("body")).ToContainTextAsync("牵头单位已完成 1/2");
        await Expect(page.Locator("button[type=submit]")).ToHaveTextAsync("标记为已完成");
        await ShotAsync(page, "shared-2-resources-still-open");

        // The next milestone (7 days before): natural resources hears of the task again, finance does not.
        _clock.MoveTo(new DateTimeOffset(2022, 6, 23, 8, 0, 0, TimeSpan.FromHours(8)));
        var next = await RemindAsync();
        Assert.Contains(next.Plan.Reminders, r => r.Department.Id == "natural-resources" && r.Items.Any(i => i.Task.TaskKey == SharedTask.Key));
        Assert.DoesNotContain(next.Plan.Reminders, r => r.Department.Id == "finance" && r.Items.Any(i => i.Task.TaskKey == SharedTask.Key));
        var again = await MaildevFixture.MailsToAsync(Address("natural-resources"), atLeast: 2);
        Assert.Equal(2, again.Count);
        Assert.All(again, m => Assert.Contains("聊政发〔2022〕9号", m.GetProperty("html").GetString()));
        // Finance's mail of that day (its other tasks of the 2022-06 sample) no longer lists the shared task.
        var financeLater = (await MaildevFixture.MailsToAsync(Address("finance"), atLeast: 2)).Where(m => m.GetProperty("id").GetString() != financeMail.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(financeLater);
        Assert.All(financeLater, m => Assert.DoesNotContain("聊政发〔2022〕9号", m.GetProperty("html").GetString()));

        // The admin's issue page: who did what, when, with what note.
        await BrowserFixture.LoginAsync(page, _runner.BaseUrl);
        await page.GotoAsync(_runner.BaseUrl + "admin");
        await page.ClickAsync("text=2022-06");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "01|001" }); // the shared task's row in the tasks table
        await Expect(row).ToContainTextAsync("已收到"); // as a whole: one of two leads done
        await Expect(row).ToContainTextAsync("市财政局（责任单位）：已完成 · 2022-06-20 08:");
        await Expect(row).ToContainTextAsync("备注：本局部分已于6月19日完成。");
        await Expect(row).ToContainTextAsync("市自然资源和规划局（责任单位）：待办");
        await ShotAsync(page, "shared-3-admin-issue");
    }

    /// <summary>The 标记为已完成 link of the shared task in a reminder mail (the mail lists other tasks too).</summary>
    private string DoneLink(JsonElement mail)
    {
        var tokens = new GazetteNotify.Site.LinkTokens(Scenario.LinkSecret, _clock);
        foreach (Match match in Regex.Matches(mail.GetProperty("html").GetString()!, "<a href=\"([^\"]+)\">标记为已完成</a>"))
        {
            var url = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
            var token = Uri.UnescapeDataString(TokenParameter().Match(url).Groups[1].Value);
            if (ReminderLinks.ReadSubject(tokens.Verify(token, ReminderLinks.DonePurpose).Subject)?.TaskKey == SharedTask.Key) return url;
        }

        throw new Xunit.Sdk.XunitException("no 标记为已完成 link for the shared task in the mail");
    }

    [GeneratedRegex(@"[?&]token=([^&]+)")]
    private static partial Regex TokenParameter();
}
