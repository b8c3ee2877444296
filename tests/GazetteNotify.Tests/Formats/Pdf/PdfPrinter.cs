using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Tests.Browser;
using Microsoft.Playwright;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// Prints HTML to PDF with headless Debian Chromium (as the browser tests drive it: Playwright, no browser download),
/// the way a gazette office's pipeline or an admin's "Save as PDF" makes one. PDFs are cached under the test output
/// folder by a hash of everything that shapes them, since printing an issue takes seconds; a fresh clone prints anew.
/// Tests of one collection run one at a time, so one browser serves them. Pages are served from a made-up origin through Playwright's router, so a page can load a font given as bytes.
/// </summary>
public sealed class PdfPrinter : IAsyncLifetime
{
    private const string Origin = "http://gazette.test/";

    private static readonly string CacheFolder = Path.Combine(AppContext.BaseDirectory, "pdf-cache");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath)) throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} not found: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH");
        Directory.CreateDirectory(CacheFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFixture.ChromiumPath, Headless = true });
    }

    /// <summary>The PDF of <paramref name="html"/>; <paramref name="fonts"/> are served at /fonts/NAME for @font-face.</summary>
    public async Task<byte[]> PrintAsync(string html, PrintSettings settings, IReadOnlyDictionary<string, byte[]>? fonts = null)
    {
        var key = Key(html, settings, fonts);
        var cached = Path.Combine(CacheFolder, key + ".pdf");
        if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached);

        {
            await using var context = await _browser!.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.RouteAsync(Origin + "**", async route =>
            {
                var path = new Uri(route.Request.Url).AbsolutePath;
                if (path.StartsWith("/fonts/", StringComparison.Ordinal) && fonts is not null && fonts.TryGetValue(path["/fonts/".Length..], out var font))
                {
                    await route.FulfillAsync(new RouteFulfillOptions { BodyBytes = font, ContentType = "font/ttf" });
                    return;
                }

                await route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" });
            });
            await page.GotoAsync(Origin + "issue.html", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready");
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = settings.RunningHeader is not null,
                HeaderTemplate = settings.RunningHeader is { } header ? Template(header, "margin-top:8mm") : "<span></span>",
                FooterTemplate = settings.RunningHeader is not null ? Template("— <span class=\"pageNumber\"></span> —", "margin-bottom:6mm") : "<span></span>",
                Margin = new Margin { Top = "22mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            });
            var temporary = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, pdf);
            File.Move(temporary, cached, overwrite: true);
            return pdf;
        }
    }

    private static string Template(string content, string margin) =>
        $"<div style=\"width:100%;text-align:center;font-size:9pt;font-family:'WenQuanYi Micro Hei';{margin}\">{content}</div>";

    private static string Key(string html, PrintSettings settings, IReadOnlyDictionary<string, byte[]>? fonts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(html));
        hash.AppendData(Encoding.UTF8.GetBytes(settings.ToString()));
        hash.AppendData(Encoding.UTF8.GetBytes(_chromiumStamp.Value));
        foreach (var (name, bytes) in (fonts ?? new Dictionary<string, byte[]>()).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(SHA256.HashData(bytes));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..24];
    }

    /// <summary>A new Chromium build may lay out differently: its file stamp is part of the cache key.</summary>
    private static readonly Lazy<string> _chromiumStamp = new(() =>
    {
        var info = new FileInfo(BrowserFixture.ChromiumPath);
        return info.Exists ? info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>How a test's PDF is printed: a running header line (with a page-number footer), or none.</summary>
public sealed record PrintSettings(string? RunningHeader);

[CollectionDefinition(Name)]
public sealed class PdfPrinting : ICollectionFixture<PdfPrinter>
{
    public const string Name = "PDF printing";
}
