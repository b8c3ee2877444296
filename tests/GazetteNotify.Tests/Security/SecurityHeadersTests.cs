using System.Net;
using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Issue 21 finding 8 (headers): every response of `gazette serve` — pages, feeds, refusals, 404s, the admin key's
/// 401 — carries CSP, nosniff, no-referrer and DENY; personal pages are never stored by a cache; the CSP allows exactly
/// the inline styles the pages render. The Functions host writes the same <see cref="PageResult"/> headers
/// (PageResults), which <see cref="HttpEndpoints.HandleAsync"/> sets.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class SecurityHeadersTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();

    private static readonly (string Method, string Path, string Cache)[] Requests =
    [
        ("GET", "/", "public"),
        ("GET", "/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81", "public"),
        ("GET", "/feeds/topics/nothing.atom", "no-store"),
        ("GET", "/manage?token=forged", "no-store"),
        ("GET", "/unsubscribe?token=forged", "no-store"),
        ("GET", "/tasks/done?token=forged", "no-store"),
        ("GET", "/api/departments/finance/calendar.ics?token=forged", "no-store"),
        ("POST", "/subscribe", "no-store"),
        ("GET", "/admin", "no-store"),
        ("GET", "/no/such/page", "no-store"),
    ];

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var runner = await LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().Build(), TextWriter.Null)
        {
            Port = 0, Storage = _storage, LinkSecret = Scenario.LinkSecret, AdminKey = "headers-admin-key-0123456789", Timers = false,
        });
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        foreach (var (method, path, cache) in Requests)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([new("email", "x")]) : null });
            string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(',', v) : "";
            var csp = Header("Content-Security-Policy");
            Assert.True(csp == SecurityHeaders.ContentSecurityPolicy, $"{method} {path} ({(int)response.StatusCode}): CSP 「{csp}」");
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{method} {path}: nosniff");
            Assert.True(Header("Referrer-Policy") == "no-referrer", $"{method} {path}: Referrer-Policy");
            Assert.True(Header("X-Frame-Options") == "DENY", $"{method} {path}: X-Frame-Options");
            var cacheControl = Header("Cache-Control");
            Assert.True(cache == "public" ? cacheControl.StartsWith("public, max-age=", StringComparison.Ordinal) : cacheControl == "no-store", $"{method} {path} ({(int)response.StatusCode}): Cache-Control 「{cacheControl}」");
        }
    }

    /// <summary>Every &lt;style&gt; and style attribute of every rendered page (the golden files) is allowed by its hash.</summary>
    [Fact]
    public void The_policy_allows_every_inline_style_the_pages_render()
    {
        var pages = Directory.GetFiles(RenderingGolden.Folder, "*.html").Where(f => !File.ReadAllText(f).Contains("<body style=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var inline = StyleElement().Matches(html).Select(m => m.Groups[1].Value).Concat(StyleAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            foreach (var style in inline)
            {
                Assert.True(SecurityHeaders.StyleHashes.Contains(SecurityHeaders.Hash(style)), $"{Path.GetFileName(page)}: no hash for the style 「{style[..Math.Min(60, style.Length)]}」 (sha256-{SecurityHeaders.Hash(style)}): add it to SecurityHeaders.StyleHashes");
            }
        }
    }

    [Fact]
    public void Every_route_has_a_rule()
    {
        Assert.All(HttpEndpoints.All, route => Assert.True(RouteRules.Has(route.Name), $"route {route.Name} has no line in RouteRules"));
        Assert.All(HttpEndpoints.All.Where(r => r.Admin), route => Assert.Equal(RouteGroup.Admin, RouteRules.For(route.Name).Group));
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("style=\"([^\"]*)\"")]
    private static partial Regex StyleAttribute();
}
