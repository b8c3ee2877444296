using System.Xml.Linq;
using GazetteNotify.Queries;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Web;

/// <summary>The Atom routes over what was ingested: a feed reader sees the documents of a topic or an issuing body.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class FeedHandlersTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 7, 1, 0, 0, 0, TimeSpan.Zero));

    private FeedHandlers Handlers() => new(new RecentDocuments(_storage), SiteSettings.Local, _clock);

    private static List<string> Titles(PageResult feed) =>
        XDocument.Parse(feed.Html).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

    [Fact]
    public async Task A_topic_feed_serves_the_ingested_documents_of_that_topic()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);

        var feed = await Handlers().TopicAsync("public-security-justice");

        Assert.Equal(200, feed.Status);
        Assert.Equal(FeedHandlers.AtomContentType, feed.ContentType);
        var titles = Titles(feed);
        Assert.Contains("关于印发聊城市居住证实施办法的通知（聊政办字〔2022〕22号）", titles);
        Assert.All(XDocument.Parse(feed.Html).Root!.Elements(Atom + "entry"),
            e => Assert.Contains(e.Elements(Atom + "category"), c => c.Attribute("term")!.Value == "public-security-justice"));
        // The newest issue comes first.
        Assert.Contains("2022-06", XDocument.Parse(feed.Html).Root!.Elements(Atom + "entry").First().Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task An_issuer_feed_lists_only_that_bodys_documents_and_unknown_topics_are_404()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();

        var feed = await handlers.IssuerAsync("聊城市人民政府办公室");
        var entries = XDocument.Parse(feed.Html).Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("聊城市人民政府办公室", e.Element(Atom + "author")!.Element(Atom + "name")!.Value));

        Assert.Empty(Titles(await handlers.IssuerAsync("不存在的机关")));
        var missing = await handlers.TopicAsync("<script>");
        Assert.Equal(404, missing.Status);
        Assert.DoesNotContain("<script>", missing.Html);
    }

    [Fact]
    public async Task Each_entry_links_to_its_documents_page()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var feed = XDocument.Parse((await Handlers().IssuerAsync("聊城市人民政府办公室")).Html);

        var entry = feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value.Contains("聊政办字〔2022〕22号", StringComparison.Ordinal));
        var ordinal = Samples.Issue(Samples.Issue2022_06).Documents.ToList().FindIndex(d => d.DocNumber == "聊政办字〔2022〕22号") + 1;
        Assert.Equal(Routes.DocumentUrl(SiteSettings.Local.PublicBaseUrl, "2022-06", ordinal.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).AbsoluteUri,
            entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
    }

    [Fact]
    public async Task The_subscription_page_links_every_topic_feed()
    {
        var form = new SubscriptionHandlers(null!, null!, null!, SiteSettings.Local, _clock).Form();
        foreach (var topic in GazetteNotify.Topics.TopicTaxonomy.Default.Topics)
        {
            Assert.Contains(Routes.TopicFeedUrl(SiteSettings.Local.PublicBaseUrl, topic.Id).ToString(), form.Html);
        }

        var feed = await Handlers().TopicAsync("finance"); // nothing ingested yet: an empty, valid feed
        Assert.Equal(200, feed.Status);
        Assert.Empty(Titles(feed));
    }
}
