using GazetteNotify.Cli.Serve;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// The CSP is in force and the pages still look as designed: Chromium opens the subscription page, a document page,
/// the search page, a manage page and the admin page under the policy `gazette serve` sends; no style is refused, the
/// layouts' styles and the forms' style attributes apply — and a style the policy does not name is refused.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fx, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-csp-").FullName;
    private LocalRunner _runner = null!;

    /// <summary>Collects violations as the page reports them (an init script runs outside the page's policy).</summary>
    private const string Recorder = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));";

    public async Task InitializeAsync()
    {
        _runner = await BrowserFixture.StartRunnerAsync(_storage, new() { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = _outbox });
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "styled@example.com", Scenario.Keywords("居住证"));
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task Pages_render_styled_under_the_policy_with_no_violation()
    {
        await using var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1024, Height = 800 } });
        await context.AddInitScriptAsync(Recorder);
        var console = new List<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) console.Add(m.Text); };
        var manage = Routes.WithToken(_runner.BaseUrl, Routes.Manage, new LinkTokens(Scenario.LinkSecret, TimeProvider.System).Issue(LinkPurposes.Manage, "styled@example.com"));

        // Each page, and a style of it that only applies when the policy lets its <style> (or style attribute) through.
        (string Url, string Selector, string Property, string Expected)[] checks =
        [
            (_runner.BaseUrl.ToString(), "body", "max-width", "640px"),
            (_runner.BaseUrl.ToString(), "label[for^=topic-]", "display", "inline"), // style="display:inline" over the layout's label{display:block}
            (new Uri(_runner.BaseUrl, "documents/2022-06/01").ToString(), "body", "color", "rgb(34, 34, 34)"), // ArchiveStyle
            (new Uri(_runner.BaseUrl, "search?q=" + Uri.EscapeDataString("居住证")).ToString(), ".row", "display", "flex"), // SearchPage
            (manage, "button", "margin-top", "16px"),
        ];
        foreach (var (url, selector, property, expected) in checks)
        {
            var response = await page.GotoAsync(url);
            Assert.NotNull(response);
            Assert.Contains("default-src 'none'", (await response.AllHeadersAsync())["content-security-policy"]);
            var actual = await page.EvalOnSelectorAsync<string>(selector, $"e => getComputedStyle(e).getPropertyValue('{property}')");
            output.WriteLine($"{url}: {selector} {property} = {actual}");
            Assert.True(expected == actual, $"{url}: {selector} {property} is {actual}, not {expected}: a style was refused");
            Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        }

        await using var admin = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = BrowserFixture.AdminKey } });
        await admin.AddInitScriptAsync(Recorder);
        var adminPage = await admin.NewPageAsync();
        adminPage.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) console.Add(m.Text); };
        await adminPage.GotoAsync(new Uri(_runner.BaseUrl, "admin").ToString());
        Assert.Equal("1152px", await adminPage.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).maxWidth")); // 72em
        Assert.Empty(await adminPage.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(console);

        // The policy is enforced, not merely sent: a style it does not name does not apply, and is reported.
        await page.GotoAsync(_runner.BaseUrl.ToString());
        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body{color:rgb(255, 0, 0)}'; document.head.appendChild(s); }");
        await page.WaitForFunctionAsync("window.__violations.length > 0");
        Assert.NotEqual("rgb(255, 0, 0)", await page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).color"));
    }
}
