using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Ingestion;

/// <summary>`gazette subscribers …` and `gazette run alerts` against Azurite, mail into a temporary outbox.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SubscribersCliTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-outbox-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(_storage, _outbox, args);

    [Fact]
    public void Admin_adds_lists_exports_and_removes_subscribers_and_alerts_reach_the_outbox()
    {
        Assert.Equal(0, Run("subscribers", "add", "Permit@Example.com", "--keyword", "居住证", "--topic", "public-security-justice").Code);
        Assert.Equal(0, Run("subscribers", "add", "=cmd@example.com", "--prefix", "聊医保发").Code);
        Assert.Equal(1, Run("subscribers", "add", "not-an-address", "--keyword", "x").Code);
        Assert.Equal(1, Run("subscribers", "add", "none@example.com").Code);

        var (_, list, _) = Run("subscribers", "list");
        Assert.Contains("permit@example.com", list);
        Assert.Contains("Active", list);
        Assert.Contains("2 subscriptions", list);

        var (_, csv, _) = Run("subscribers", "export");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("email,status,frequency,topics,keywords,issuers,prefixes,created,confirmed,unsubscribed", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("'=cmd@example.com,Active,EachIssue", StringComparison.Ordinal)); // no formula in a spreadsheet
        Assert.Contains(lines, l => l.StartsWith("permit@example.com,Active,EachIssue,public-security-justice,居住证", StringComparison.Ordinal));

        Assert.Equal(0, Run("upload", Samples.PathOf(Samples.Issue2022_06)).Code);
        var (code, alerts, _) = Run("run", "alerts");
        Assert.Equal(0, code);
        Assert.Contains("1 new issues, 7 documents, 1 digests — 1 sent", alerts);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        Assert.Contains("no issue ingested since the last run", Run("run", "alerts").Out);

        Assert.Equal(0, Run("subscribers", "remove", "permit@example.com").Code);
        Assert.Contains("Unsubscribed", Run("subscribers", "list").Out);
        Assert.Equal(1, Run("subscribers", "remove", "nobody@example.com").Code);
        Assert.StartsWith("retention: 0 addresses erased,", Run("run", "retention").Out); // unsubscribed today: kept 28 days
        var later = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("retention: 1 addresses erased,", Run("run", "retention", "--now", later).Out);
        Assert.DoesNotContain("permit@example.com", Run("subscribers", "list").Out);
    }

    [Fact]
    public void Alerts_run_from_the_CLI_link_to_the_configured_site_and_come_from_the_configured_sender()
    {
        // An admin running `gazette run alerts` / `gazette remind` against Azure: the mails must link to the public
        // site, not to 127.0.0.1, and come from the configured sender (issue 19, point 2).
        var settings = new Dictionary<string, string?>
        {
            ["PublicBaseUrl"] = "https://gazette.liaocheng.example.gov.cn",
            ["Mail:From"] = "alerts@liaocheng.example.gov.cn",
            ["Mail:FromName"] = "聊城市政府公报提醒",
        };
        Assert.Equal(0, Run("subscribers", "add", "permit@example.com", "--keyword", "居住证").Code);
        Assert.Equal(0, Run("upload", Samples.PathOf(Samples.Issue2022_06)).Code);

        var (code, _, _) = CliHarness.Run(_storage, _outbox, settings, "run", "alerts");

        Assert.Equal(0, code);
        var mail = MimeKit.MimeMessage.Load(Assert.Single(Directory.GetFiles(_outbox, "*.eml")));
        Assert.Equal("alerts@liaocheng.example.gov.cn", mail.From.Mailboxes.Single().Address);
        Assert.Contains("https://gazette.liaocheng.example.gov.cn/", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", mail.HtmlBody + mail.TextBody + mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.StartsWith("<https://gazette.liaocheng.example.gov.cn/api/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
    }
}
