using System.Text;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;
using GazetteNotify.Topics;

namespace GazetteNotify.Web;

/// <summary>
/// The subscription pages: Chinese, one column, readable on a phone, working without JavaScript. Every value is
/// HTML-escaped; forms post back to the same routes.
/// </summary>
public static class Pages
{
    public static string E(string? value) => Mail.HtmlText.Escape(value);

    public static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>*{box-sizing:border-box}body{font-family:sans-serif;line-height:1.6;max-width:40em;margin:0 auto;padding:1em;overflow-wrap:anywhere}label{display:block;margin:.6em 0 .2em}input[type=text],input[type=email],select{width:100%;padding:.4em;font-size:1em}fieldset{border:1px solid #ccc}button{font-size:1em;padding:.5em 1.2em;margin-top:1em}</style>
        </head><body><main>
        <h1>{{E(title)}}</h1>
        {{body}}
        </main></body></html>
        """;

    public static string SubscriptionForm(string action, Preferences? current, string submit, string? email = null, string? error = null)
    {
        var sb = new StringBuilder();
        if (error is not null) sb.Append("<p role=\"alert\" style=\"color:#a00\">").Append(E(error)).Append("</p>\n");
        sb.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">\n");
        if (current is null)
        {
            sb.Append("<label for=\"email\">电子邮箱</label><input type=\"email\" id=\"email\" name=\"email\" required autocomplete=\"email\" value=\"").Append(E(email)).Append("\">\n");
        }

        sb.Append("<fieldset><legend>主题</legend>\n");
        foreach (var topic in TopicTaxonomy.Default.Topics)
        {
            var id = "topic-" + topic.Id;
            var on = current?.Topics.Contains(topic.Id) == true ? " checked" : "";
            sb.Append("<div><input type=\"checkbox\" name=\"topics\" value=\"").Append(E(topic.Id)).Append("\" id=\"").Append(E(id)).Append('"').Append(on)
              .Append("> <label for=\"").Append(E(id)).Append("\" style=\"display:inline\">").Append(E(topic.Name)).Append("</label></div>\n");
        }

        sb.Append("</fieldset>\n")
          .Append("<label for=\"keywords\">关键词（用“、”或逗号分隔，例如：居住证、减税）</label><input type=\"text\" id=\"keywords\" name=\"keywords\" value=\"").Append(E(Join(current?.Keywords))).Append("\">\n")
          .Append("<label for=\"issuers\">发文机关（例如：市医疗保障局）</label><input type=\"text\" id=\"issuers\" name=\"issuers\" value=\"").Append(E(Join(current?.Issuers))).Append("\">\n")
          .Append("<label for=\"prefixes\">文号前缀（例如：聊政办字）</label><input type=\"text\" id=\"prefixes\" name=\"prefixes\" value=\"").Append(E(Join(current?.DocNumberPrefixes))).Append("\">\n")
          .Append("<label for=\"follows\">关注的文件（文号，例如：聊政办字〔2022〕22号；被引用、修改或废止时通知您）</label><input type=\"text\" id=\"follows\" name=\"follows\" value=\"").Append(E(Join(current?.Follows))).Append("\">\n")
          .Append("<label for=\"frequency\">发送频率</label><select id=\"frequency\" name=\"frequency\">");
        foreach (var (value, name) in new[] { (DigestFrequency.EachIssue, "每期公报发布后"), (DigestFrequency.Daily, "每日汇总"), (DigestFrequency.Weekly, "每周汇总") })
        {
            var on = current?.Frequency == value ? " selected" : "";
            sb.Append("<option value=\"").Append(value).Append('"').Append(on).Append('>').Append(E(name)).Append("</option>");
        }

        sb.Append("</select>\n<button type=\"submit\">").Append(E(submit)).Append("</button>\n</form>\n");
        return sb.ToString();
    }

    /// <summary>The topic feeds, for people who prefer a feed reader to e-mail.</summary>
    public static string FeedList(Uri baseUrl)
    {
        var sb = new StringBuilder("<h2>用阅读器订阅（Atom）</h2>\n<ul>\n");
        foreach (var topic in TopicTaxonomy.Default.Topics)
        {
            sb.Append("<li><a href=\"").Append(E(Site.Routes.TopicFeedUrl(baseUrl, topic.Id).ToString())).Append("\">").Append(E(topic.Name)).Append("</a></li>\n");
        }

        return sb.Append("</ul>\n<p>按发文机关订阅：").Append(E(baseUrl + Site.Routes.IssuerFeed.Replace("{issuer}", "市财政局", StringComparison.Ordinal))).Append("</p>\n").ToString();
    }

    public static string Message(string title, string text, string? linkText = null, string? link = null) =>
        Layout(title, $"<p>{E(text)}</p>" + (link is null ? "" : $"<p><a href=\"{E(link)}\">{E(linkText)}</a></p>"));

    private static string Join(IReadOnlyList<string>? values) => values is null ? "" : string.Join("、", values);
}
