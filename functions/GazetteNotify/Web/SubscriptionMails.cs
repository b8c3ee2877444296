using System.Text;
using GazetteNotify.Alerts;
using GazetteNotify.Mail;

namespace GazetteNotify.Web;

/// <summary>
/// The two mails a subscription request sends — confirm (double opt-in) and, for an address already subscribed, its
/// manage link — made as carefully as a digest: a heading, short paragraphs, the action as a button-style link, the
/// address it opens written out beneath for clients that hide links; in the plain-text part the URL stands on a line of
/// its own, so that any client makes it clickable and nothing wraps into it.
/// </summary>
public static class SubscriptionMails
{
    public static RenderedMail Confirmation(string to, string gazetteName, string link, int days) => Render(to, gazetteName, "请确认您的订阅",
        [$"您（或他人）用此邮箱订阅了{gazetteName}的新文件提醒。", $"请在 {days} 天内点击下面的按钮确认。确认之前，我们不会给您发送任何提醒。"],
        "确认订阅", link, "如果不是您本人订阅，请忽略本邮件：不确认，就不会再收到我们的邮件。");

    public static RenderedMail ManageLink(string to, string gazetteName, string link) => Render(to, gazetteName, "管理您的订阅",
        [$"此邮箱已订阅{gazetteName}的新文件提醒。", "如需修改关注的主题、关键词或发送频率，或者退订，请点击下面的按钮。"],
        "管理订阅", link, "如果不是您本人操作，请忽略本邮件，您的订阅不会有任何变化。");

    private static RenderedMail Render(string to, string gazetteName, string title, IReadOnlyList<string> paragraphs, string button, string link, string footnote)
    {
        var subject = $"{gazetteName}：{title}";
        var e = HtmlText.Encoder;
        var html = new StringBuilder(2048)
            .Append("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(e.Encode(subject)).Append("</title></head>\n")
            .Append("<body style=\"font-family: sans-serif; line-height: 1.6; max-width: 40em; margin: 0 auto; padding: 1em;\">\n")
            .Append("<h1 style=\"font-size: 1.3em;\">").Append(e.Encode(title)).Append("</h1>\n");
        foreach (var paragraph in paragraphs) html.Append("<p>").Append(e.Encode(paragraph)).Append("</p>\n");
        html.Append("<p style=\"margin: 1.5em 0;\"><a href=\"").Append(e.Encode(link))
            .Append("\" style=\"display: inline-block; padding: 0.6em 1.4em; background: #1a56a5; color: #ffffff; text-decoration: none; border-radius: 4px; font-weight: bold;\">")
            .Append(e.Encode(button)).Append("</a></p>\n")
            .Append("<p style=\"font-size: 0.9em; color: #555;\">按钮无法点击时，请复制以下地址到浏览器打开：<br><span style=\"word-break: break-all;\">")
            .Append(e.Encode(link)).Append("</span></p>\n")
            .Append("<hr>\n<p style=\"font-size: 0.9em; color: #555;\">").Append(e.Encode(footnote)).Append("</p>\n</body></html>\n");

        var text = new StringBuilder(1024).Append(title).Append("\n\n");
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        text.Append(button).Append("：\n").Append(link).Append("\n\n").Append(footnote).Append('\n');
        return new RenderedMail(to, subject, html.ToString(), text.ToString(), new Dictionary<string, string>());
    }
}
