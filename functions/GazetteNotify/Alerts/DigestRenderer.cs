using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GazetteNotify.Mail;

namespace GazetteNotify.Alerts;

/// <summary>
/// A digest → subject, HTML and plain-text parts, with List-Unsubscribe and List-Unsubscribe-Post headers and visible
/// manage and unsubscribe links; Chinese, one column, readable on a phone. Every value that reaches the HTML part goes
/// through <see cref="HtmlEncoder"/>. (Fluid was the templating library of choice, but the package mirror has no Parlot
/// build it runs with: Fluid.Core 2.41.1 fails against Parlot 2.x with MissingMethodException; see docs/adr/0016.)
/// </summary>
public static class DigestRenderer
{

    public static RenderedMail Render(Digest digest, RecipientLinks links, string gazetteName)
    {
        var subject = $"{gazetteName}：{digest.Items.Count} 份新文件与您的订阅相关";
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{links.OneClickUnsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new RenderedMail(digest.Recipient.Value, subject, Html(digest, links, subject), Text(digest, links, subject), headers);
    }

    private static string Html(Digest digest, RecipientLinks links, string subject)
    {
        var e = Mail.HtmlText.Encoder;
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(e.Encode(subject)).Append("</title></head>\n")
          .Append("<body style=\"font-family: sans-serif; line-height: 1.6; max-width: 40em; margin: 0 auto; padding: 1em;\">\n")
          .Append("<h1 style=\"font-size: 1.3em;\">").Append(e.Encode(subject)).Append("</h1>\n");
        foreach (var item in digest.Items)
        {
            var d = item.Document.Document;
            sb.Append("<div style=\"margin-bottom: 1.5em;\">\n<h2 style=\"font-size: 1.1em; margin-bottom: 0.2em;\">").Append(e.Encode(d.Title)).Append("</h2>\n")
              .Append("<p style=\"margin: 0; color: #555;\">").Append(e.Encode(Meta(item))).Append("</p>\n")
              .Append("<p>").Append(e.Encode(d.Summary)).Append("</p>\n")
              .Append("<p style=\"color: #555;\">匹配：").Append(e.Encode(Why(item))).Append("</p>\n");
            if (Limits(item) is { Length: > 0 } limits) sb.Append("<p>时限：").Append(e.Encode(limits)).Append("</p>\n");
            sb.Append("</div>\n");
        }

        if (digest.Upcoming.Count > 0)
        {
            sb.Append("<h2 style=\"font-size: 1.1em;\">未来 30 天到期的相关任务</h2>\n<ul>");
            foreach (var u in digest.Upcoming) sb.Append("<li>").Append(e.Encode(Upcoming(u))).Append("</li>");
            sb.Append("</ul>\n");
        }

        sb.Append("<hr>\n<p style=\"font-size: 0.9em;\"><a href=\"").Append(e.Encode(links.Manage)).Append("\">管理订阅</a> · <a href=\"")
          .Append(e.Encode(links.Unsubscribe)).Append("\">退订</a></p>\n</body></html>\n");
        return sb.ToString();
    }

    private static string Text(Digest digest, RecipientLinks links, string subject)
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

    private static string Meta(DigestItem item)
    {
        var d = item.Document.Document;
        var parts = new[] { d.DocNumber, d.Issuer, d.SignedDate?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), item.Document.IssueName };
        return string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>Why it matched, as the reader knows it: topics by their Chinese names, then keywords, bodies, prefixes.</summary>
    private static string Why(DigestItem item) => string.Join("、", item.Match.Topics
        .Select(id => Topics.TopicTaxonomy.Default.Find(id)?.Name ?? id)
        .Concat(item.Match.Keywords).Concat(item.Match.Issuers).Concat(item.Match.DocNumberPrefixes)
        .Concat(item.Match.Cites.Select(n => $"引用了您关注的{n}"))
        .Concat(item.Match.Repeals.Select(n => $"废止了您关注的{n}")));

    private static string Limits(DigestItem item) => string.Join("；", item.Document.Document.Deadlines
        .Where(d => d.Date is not null).Take(5).Select(d => $"{d.Text}（{d.Date:yyyy-MM-dd}）"));

    private static string Upcoming(AlertDeadline u) =>
        $"{u.Date:yyyy-MM-dd} {u.Phrase} — {u.Source.Document.Title} {u.Source.Document.DocNumber}（{string.Join("、", u.Units)}）";

    /// <summary>The text part is plain, but a line break inside a value must not forge structure.</summary>
    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ');
}
