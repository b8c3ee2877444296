using System.Globalization;
using System.Text;
using GazetteNotify.Documents;
using GazetteNotify.Html;
using GazetteNotify.Mail;

namespace GazetteNotify.Alerts;

/// <summary>
/// A digest → subject, HTML and plain-text parts, with List-Unsubscribe and List-Unsubscribe-Post headers and visible
/// manage and unsubscribe links; Chinese, one column, readable on a phone. The HTML part is the component
/// <see cref="DigestMail"/> (encoded by the renderer); the plain-text part is written here, from the same pieces.
/// </summary>
public static class DigestRenderer
{

    /// <param name="site">The public base URL: each document links to its page there (no personal data in the link); null writes no links.</param>
    public static RenderedMail Render(Digest digest, RecipientLinks links, string gazetteName, Uri? site = null)
    {
        var subject = $"{gazetteName}：{digest.Items.Count} 份新文件与您的订阅相关";
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{links.OneClickUnsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new RenderedMail(digest.Recipient.Value, subject, Html(digest, links, subject, site), Text(digest, links, subject, site), headers);
    }

    /// <summary>The HTML part: <see cref="DigestMail"/>.</summary>
    private static string Html(Digest digest, RecipientLinks links, string subject, Uri? site) => ComponentHtml.Render<DigestMail>(new()
        { [nameof(DigestMail.Digest)] = digest, [nameof(DigestMail.Links)] = links, [nameof(DigestMail.Subject)] = subject, [nameof(DigestMail.Site)] = site });

    /// <summary>The document's public page, when it is stored and the site is known.</summary>
    internal static string? Page(AlertDocument document, Uri? site) =>
        site is not null && document.DocKey is { } docKey ? Site.Routes.DocumentUrl(site, document.IssueKey, docKey).AbsoluteUri : null;

    private static string Text(Digest digest, RecipientLinks links, string subject, Uri? site)
    {
        var sb = new StringBuilder(2048);
        sb.Append(subject).Append("\n\n");
        foreach (var item in digest.Items)
        {
            var d = item.Document.Document;
            sb.Append("■ ").Append(OneLine(d.Title)).Append('\n')
              .Append("  ").Append(OneLine(Meta(item))).Append('\n')
              .Append("  ").Append(OneLine(d.Summary)).Append('\n')
              .Append("  匹配：").Append(OneLine(Why(item))).Append('\n');
            if (Limits(item) is { Length: > 0 } limits) sb.Append("  时限：").Append(OneLine(limits)).Append('\n');
            if (Page(item.Document, site) is { } page) sb.Append("  全文：").Append(page).Append('\n');
            sb.Append('\n');
        }

        if (digest.Upcoming.Count > 0)
        {
            sb.Append("未来 30 天到期的相关任务：\n");
            foreach (var u in digest.Upcoming) sb.Append("- ").Append(OneLine(Upcoming(u))).Append('\n');
            sb.Append('\n');
        }

        sb.Append("管理订阅：").Append(links.Manage).Append('\n').Append("退订：").Append(links.Unsubscribe).Append('\n');
        return sb.ToString();
    }

    internal static string Meta(DigestItem item)
    {
        var d = item.Document.Document;
        var parts = new[] { d.DocNumber, d.Issuer, d.SignedDate?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), item.Document.IssueName };
        return string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>Why it matched, as the reader knows it: topics by their Chinese names, then keywords, bodies, prefixes.</summary>
    internal static string Why(DigestItem item) => string.Join("、", item.Match.Topics
        .Select(id => Topics.TopicTaxonomy.Default.Find(id)?.Name ?? id)
        .Concat(item.Match.Keywords).Concat(item.Match.Issuers).Concat(item.Match.DocNumberPrefixes)
        .Concat(item.Match.Cites.Select(n => $"引用了您关注的{n}"))
        .Concat(item.Match.Repeals.Select(n => $"废止了您关注的{n}")));

    internal static string Limits(DigestItem item) => string.Join("；", item.Document.Document.Deadlines
        .Where(d => d.Date is not null).Take(5).Select(d => $"{d.Text}（{d.Date:yyyy-MM-dd}）"));

    internal static string Upcoming(AlertDeadline u) =>
        $"{u.Date:yyyy-MM-dd} {u.Phrase} — {u.Source.Document.Title} {u.Source.Document.DocNumber}（{string.Join("、", u.Units)}）";

    /// <summary>The text part is plain, but a line break inside a value must not forge structure.</summary>
    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ');
}
