using GazetteNotify.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// The admin page in a browser: an ingested sample with its documents, tasks and deadlines; a rejected upload with its
/// reason; an issue uploaded as a Word file under a meaningless name, with the reader that read it.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AdminPageTests(BrowserFixture fx)
{
    [Fact]
    public async Task The_admin_sees_an_ingested_sample_and_a_rejected_upload_with_its_reason()
    {
        await fx.Storage.Issues.GetBlobClient("liaocheng-2022-06.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)), overwrite: true);
        await fx.Storage.Issues.GetBlobClient("scan.pdf").UploadAsync(new BinaryData("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"u8.ToArray()), overwrite: true);
        // A department's Word file under a name that says nothing: the bytes decide the reader.
        await fx.Storage.Issues.GetBlobClient("2019年第8期.bin").UploadAsync(new BinaryData(Formats.Word.SampleDocx.Build(Samples.Text(Samples.Issue2019_08), out _)), overwrite: true);
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // Not signed in: the admin page sends the browser to the login form; the key is typed there once.
        await page.GotoAsync(fx.Runner.BaseUrl + "admin");
        Assert.EndsWith("/admin/login", page.Url, StringComparison.Ordinal);
        await BrowserFixture.LoginAsync(page, fx.Runner.BaseUrl);

        // The watcher ingests within seconds; the page shows what is stored when it is loaded.
        var admin = fx.Runner.BaseUrl + "admin";
        for (var i = 0; i < 50; i++)
        {
            var ok = (await page.GotoAsync(admin))!.Ok;
            var html = await page.ContentAsync();
            if (ok && html.Contains("scan.pdf", StringComparison.Ordinal) && html.Contains("2019-08", StringComparison.Ordinal)) break;
            await Task.Delay(200);
        }

        await Expect(page.Locator("table").First).ToContainTextAsync("2022-06");
        await Expect(page.Locator("body")).ToContainTextAsync("scan.pdf");
        await Expect(page.Locator("body")).ToContainTextAsync("PDF");
        await Expect(page.Locator("body")).ToContainTextAsync("市政府有关部门"); // a unit that reaches no department
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "8-admin.png"), FullPage = true });

        await page.ClickAsync("text=2022-06");
        await Expect(page.Locator("h1")).ToContainTextAsync("2022-06");
        await Expect(page.Locator("body")).ToContainTextAsync("关于印发聊城市居住证实施办法的通知");
        await Expect(page.Locator("body")).ToContainTextAsync("6月底前");
        await Expect(page.Locator("body")).ToContainTextAsync("市财政局");
        await Expect(page.Locator("body")).ToContainTextAsync("读取方式：文本（UTF-8）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "9-admin-issue.png"), FullPage = true });

        await page.GotoAsync(admin);
        await page.ClickAsync("text=2019-08");
        await Expect(page.Locator("body")).ToContainTextAsync("2019年第8期.bin");
        await Expect(page.Locator("body")).ToContainTextAsync("读取方式：Word 文档（.docx）");
        await Expect(page.Locator("body")).ToContainTextAsync("市财政局");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "9b-admin-issue-from-word.png"), FullPage = true });
    }
}
