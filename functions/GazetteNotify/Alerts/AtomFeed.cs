using System.Globalization;
using System.Text;
using System.Xml;
using GazetteNotify.Documents;
using GazetteNotify.Site;

namespace GazetteNotify.Alerts;

/// <summary>
/// Atom feeds (RFC 4287) of published documents, per topic and per issuing body, for people who prefer a feed reader
/// to e-mail. Written with XmlWriter, so every value is escaped; entry ids are stable tag URIs (the same document is
/// the same entry in every fetch).
/// </summary>
public static class AtomFeed
{
    public static string ForTopic(string topicId, string topicName, IEnumerable<AlertDocument> documents, Uri baseUrl, DateTimeOffset updated) =>
        Render($"{topicName} — 政府公报新文件", Site.Routes.TopicFeedUrl(baseUrl, topicId),
            documents.Where(d => d.Document.Topics.Contains(topicId)), baseUrl, updated);

    public static string ForIssuer(string issuer, IEnumerable<AlertDocument> documents, Uri baseUrl, DateTimeOffset updated) =>
        Render($"{issuer} — 政府公报新文件", Site.Routes.IssuerFeedUrl(baseUrl, issuer),
            documents.Where(d => d.Document.Issuer == issuer), baseUrl, updated);

    public static string Render(string title, Uri self, IEnumerable<AlertDocument> documents, Uri baseUrl, DateTimeOffset updated)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, self.ToString());
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Rfc3339(updated));
            Link(xml, Atom, "self", self.ToString());
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "GazetteNotify");
            xml.WriteEndElement();
            foreach (var d in documents.Take(100))
            {
                var doc = d.Document;
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"tag:{baseUrl.Host},2026:{d.IssueKey}/{doc.DocNumber ?? doc.Title}");
                xml.WriteElementString("title", Atom, doc.DocNumber is null ? doc.Title : $"{doc.Title}（{doc.DocNumber}）");
                xml.WriteElementString("updated", Atom, Rfc3339(doc.SignedDate is { } signed ? Time.ChinaTime.At(signed, TimeOnly.MinValue) : updated));
                // The document's own page when it is stored, else its issue's.
                Link(xml, Atom, "alternate", (d.DocKey is { } docKey ? Site.Routes.DocumentUrl(baseUrl, d.IssueKey, docKey) : Site.Routes.IssueUrl(baseUrl, d.IssueKey)).AbsoluteUri);
                if (doc.Issuer is not null)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, doc.Issuer);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(doc.Summary);
                xml.WriteEndElement();
                foreach (var topic in doc.Topics)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", topic);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
