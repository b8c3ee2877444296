using System.Xml.Linq;
using GazetteNotify.Alerts;
using GazetteNotify.Documents;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;

namespace GazetteNotify.Tests.Alerts;

public class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly Uri Base = new("https://gazette.example.org/");
    private static readonly DateTimeOffset Now = new(2022, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<AlertDocument> Documents()
    {
        var parsed = Samples.Parse(Samples.Issue2022_06);
        var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
        return issue.Documents.Select((d, i) => new AlertDocument("2022-06", "2022年第6期", d, parsed.DocumentTexts[i])).ToList();
    }

    [Fact]
    public void A_topic_feed_lists_the_documents_of_that_topic_as_atom_entries()
    {
        var xml = XDocument.Parse(AtomFeed.ForTopic("public-security-justice", "公安、安全、司法", Documents(), Base, Now));

        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://gazette.example.org/feeds/topics/public-security-justice.atom", feed.Element(Atom + "id")!.Value);
        var titles = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains("关于印发聊城市居住证实施办法的通知（聊政办字〔2022〕22号）", titles);
        Assert.DoesNotContain(titles, t => t.Contains("大事记", StringComparison.Ordinal));
        var entry = feed.Elements(Atom + "entry").First();
        Assert.StartsWith("tag:gazette.example.org,2026:2022-06/", entry.Element(Atom + "id")!.Value);
        Assert.Equal("2022-06-19T16:00:00Z", entry.Element(Atom + "updated")!.Value); // signed 2022-06-20, China time
    }

    [Fact]
    public void An_issuer_feed_escapes_whatever_the_text_holds()
    {
        var documents = Documents();
        documents[1] = documents[1] with { Document = documents[1].Document with { Summary = "<script>alert(1)</script> & 更多" } };

        var text = AtomFeed.ForIssuer("聊城市人民政府办公室", documents, Base, Now);
        var xml = XDocument.Parse(text);

        Assert.Equal(5, xml.Root!.Elements(Atom + "entry").Count());
        Assert.DoesNotContain("<script>", text);
        Assert.Contains(xml.Root.Elements(Atom + "entry"), e => e.Element(Atom + "summary")!.Value == "<script>alert(1)</script> & 更多");
    }
}
