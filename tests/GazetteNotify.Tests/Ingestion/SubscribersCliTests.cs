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
}
