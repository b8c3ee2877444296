using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace GazetteNotify.Tests.Browser;

/// <summary>
/// Headless Debian Chromium (driven by Playwright, no browser download) against `gazette serve` started in-process on
/// a free port with its own storage on Azurite and an outbox folder. `.ci/run` installs the `chromium` package; a
/// machine without it fails here with one clear line, never silently skips.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminKey = "browser-admin-key-0123456789";

    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public GazetteStorage Storage { get; } = AzuriteFixture.NewStorage();

    public string Outbox { get; } = Directory.CreateTempSubdirectory("gazette-browser-").FullName;

    /// <summary>Screenshots of every page, kept as test artefacts.</summary>
    public static string Screenshots { get; } = Path.Combine(AzuriteFixture.RepoRoot(), "TestResults", "screenshots");

    public LocalRunner Runner { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} not found: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH");
        Directory.CreateDirectory(Screenshots);
        var settings = new Dictionary<string, string?> { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = Outbox };
        Runner = await LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TextWriter.Null)
        {
            Port = 0,
            Storage = Storage,
            LinkSecret = Scenario.LinkSecret,
            AdminKey = AdminKey,
            WatchInterval = TimeSpan.FromMilliseconds(200),
            Timers = false,
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>Mail to maildev (SMTP 1025): tests that open the mail a step starts in.</summary>
    public static Dictionary<string, string?> MaildevMail => new()
    {
        ["Mail:Transport"] = "smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = MaildevFixture.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A `gazette serve` of a test's own, on a free port and its own storage: no timers, a quick watcher and consumer.</summary>
    public static Task<LocalRunner> StartRunnerAsync(GazetteStorage storage, Dictionary<string, string?> settings, TimeProvider? clock = null) =>
        LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TextWriter.Null)
        {
            Port = 0,
            Storage = storage,
            LinkSecret = Scenario.LinkSecret,
            AdminKey = AdminKey,
            Clock = clock,
            WatchInterval = TimeSpan.FromMilliseconds(200),
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            Timers = false,
        });

    /// <summary>The admin's way in: open the admin page, land on the login form, type the key once (posted, never in a URL).</summary>
    public static async Task LoginAsync(IPage page, Uri baseUrl)
    {
        await page.GotoAsync(baseUrl + "admin");
        await page.FillAsync("#admin-key", AdminKey);
        await page.Locator("button", new() { HasText = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("当前登录：本地管理员（会话 ");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Runner.DisposeAsync();
        Directory.Delete(Outbox, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>, ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Browser";
}
