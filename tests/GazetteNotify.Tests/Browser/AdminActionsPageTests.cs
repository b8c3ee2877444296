using Azure.Data.Tables;
using GazetteNotify.Admin;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// The admin at the admin page, pressing every button in a browser (`gazette serve`, its own storage): a limit waiting
/// for review given a day and another dismissed, an address given to a department that had none, a directory imported,
/// a poisoned batch retried, an upload re-ingested — each read back from storage, each recorded with who did it, each
/// safe to press again; and the same forms posted from elsewhere refused, changing nothing.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AdminActionsPageTests(BrowserFixture fx) : IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-admin-").FullName;
    private LocalRunner _runner = null!;

    private string Admin => _runner.BaseUrl + "admin";

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

    private async Task<List<DeadlineRow>> ReviewAsync() =>
        (await Jobs.Deadlines(_storage).ReviewListAsync()).Where(r => r.Dismissed != true).ToList();

    private async Task PoisonedBatchAsync()
    {
        var batches = new EmailBatches(_storage);
        var recipient = new BatchRecipient("reader@example.com", "k1", "run-7-k1", new RecipientLinks("", "", ""));
        await batches.EnqueueAsync(new EmailBatch("run-7", "聊城市人民政府公报：1 份新文件", "<p>x</p>", "x", new Dictionary<string, string>(), [recipient]));
        var queue = _storage.Queue(_storage.Names.EmailBatches);
        var message = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt); // as the host does after the last attempt
        await _runner.Services.GetRequiredService<PoisonedBatches>().RecordAsync(message.MessageText, "poison-1", 5);
    }

    [Fact]
    public async Task Every_button_acts_once_is_recorded_and_a_form_from_elsewhere_changes_nothing()
    {
        await PoisonedBatchAsync();
        var reviewBefore = await ReviewAsync();
        Assert.True(reviewBefore.Count >= 2, "the 2022-06 sample has limits waiting for review");
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await BrowserFixture.LoginAsync(page, _runner.BaseUrl);
        await ShotAsync(page, "admin-1-dashboard");

        // 1. A limit waiting for review gets a day; the next one is dismissed.
        var first = page.Locator("form[action*='admin/review/settle']").First;
        await first.Locator("input[type=date]").FillAsync("2022-07-15");
        await first.Locator("input[name=note]").FillAsync("市财政局确认");
        await first.Locator("button", new() { HasText = "设定日期" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已完成");
        await Expect(page.Locator("body")).ToContainTextAsync("2022-07-15");
        await ShotAsync(page, "admin-2-settled");
        await page.ClickAsync("text=返回管理页面");
        await page.Locator("form[action*='admin/review/settle']").First.Locator("button", new() { HasText = "不提醒" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已完成");
        Assert.Equal(reviewBefore.Count - 2, (await ReviewAsync()).Count);
        var settledKey = reviewBefore[0].RowKey[(DeadlinePartition.Undated.Length + 1)..];
        var settled = await _storage.Table(_storage.Names.DeadlinesTable).GetEntityIfExistsAsync<TableEntity>("2022", "2022-07-15|" + settledKey);
        Assert.True(settled.HasValue, $"{settledKey} moved to 2022-07-15");

        // 2. A department without an address gets one; the directory gets an import.
        await page.GotoAsync(Admin);
        var withoutBefore = (await new DepartmentStore(_storage).LoadAsync()).Departments.Count(d => d.Emails.Count == 0);
        await page.SelectOptionAsync("#dept-select", "finance");
        await page.FillAsync("#dept-email", "caizheng@lc.example.gov.cn");
        await page.Locator("form:has(#dept-email) button").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("市财政局的邮箱已添加");
        await page.GotoAsync(Admin);
        Assert.Equal(0, await page.Locator("#dept-select option[value=finance]").CountAsync()); // no longer listed as without one
        await page.FillAsync("#import-json", """{"departments":[{"id":"natural-resources","name":"市自然资源和规划局","aliases":[],"emails":["ziran@lc.example.gov.cn"]}]}""");
        await page.Locator("form:has(#import-json) button").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("已完成");
        var directory = await new DepartmentStore(_storage).LoadAsync();
        Assert.Equal(["caizheng@lc.example.gov.cn"], directory.Find("finance")!.Emails);
        Assert.Equal(["ziran@lc.example.gov.cn"], directory.Find("natural-resources")!.Emails);
        Assert.Equal(withoutBefore - 2, directory.Departments.Count(d => d.Emails.Count == 0));

        // 3. The poisoned batch goes back on the queue, once.
        await page.GotoAsync(Admin);
        // The same page left open in a second tab: admin pages are no-store, so Back would load a fresh one.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync(Admin);
        await page.Locator("form[action*='poisoned-batches/retry'] button").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已重新排队");
        await stale.Locator("form[action*='poisoned-batches/retry'] button").ClickAsync(); // the stale page's button, pressed again
        await Expect(stale.Locator("h1")).ToHaveTextAsync("未作更改");
        // The runner's queue consumer takes the batch again: its recipient gets the mail, once.
        var ledger = new DeliveryLedger(_storage, TimeProvider.System);
        for (var i = 0; i < 100 && (await ledger.ListAsync("run-7")).All(r => r.StatusName != "sent"); i++) await Task.Delay(200);
        Assert.Equal("sent", Assert.Single(await ledger.ListAsync("run-7")).StatusName);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));

        // 4. The upload is read again.
        await page.GotoAsync(Admin);
        await page.Locator("form[action*='uploads/reingest']").First.Locator("button").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已重新入库为 2022-06");
        await ShotAsync(page, "admin-3-reingested");

        // Every action is on the page, with who did it (the session, never the key).
        await page.GotoAsync(Admin);
        var record = page.Locator("table:has(th:text('操作人'))");
        foreach (var action in new[] { "设定时限日期", "驳回时限", "添加单位邮箱", "导入通讯录（合并）", "重新发送批次", "重新入库" }) await Expect(record).ToContainTextAsync(action);
        await Expect(record).ToContainTextAsync("本地管理员（会话 ");
        Assert.DoesNotContain(BrowserFixture.AdminKey, await record.InnerTextAsync());
        Assert.Equal(7, (await new AdminAudit(_storage, TimeProvider.System).RecentAsync(50)).Count); // the repeated retry too
        await ShotAsync(page, "admin-4-record");

        // A form posted from another site — without the page's token, or cross-site with it — is refused and changes nothing.
        var token = await page.Locator("form[action*='admin/review/settle'] input[name=csrf]").First.GetAttributeAsync("value");
        var key = await page.Locator("form[action*='admin/review/settle'] input[name=key]").First.GetAttributeAsync("value");
        // (The page's own requests carry the session cookie; one without it is not signed in.)
        var url = _runner.BaseUrl + "admin/review/settle";
        var session = (await context.CookiesAsync()).Single(c => c.Name == "gazette-admin");
        var withSession = new Dictionary<string, string> { ["Cookie"] = $"{session.Name}={session.Value}" };
        var forged = await page.APIRequest.PostAsync(url, new() { Form = FormOf(page.APIRequest, ("key", key!), ("dismiss", "1")), Headers = withSession });
        var crossSite = await page.APIRequest.PostAsync(url, new() { Form = FormOf(page.APIRequest, ("key", key!), ("dismiss", "1"), ("csrf", token!)), Headers = new Dictionary<string, string>(withSession) { ["Sec-Fetch-Site"] = "cross-site" } });
        await using var stranger = await fx.Playwright.APIRequest.NewContextAsync();
        var noSession = await stranger.PostAsync(url, new() { Form = FormOf(stranger, ("key", key!), ("dismiss", "1"), ("csrf", token!)) });
        Assert.Equal((403, 403, 401), (forged.Status, crossSite.Status, noSession.Status));
        Assert.Equal(reviewBefore.Count - 2, (await ReviewAsync()).Count);
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        return form;
    }
}
