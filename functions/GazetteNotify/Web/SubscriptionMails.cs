using System.Text;
using GazetteNotify.Html;
using GazetteNotify.Mail;

namespace GazetteNotify.Web;

/// <summary>
/// The two mails a subscription request sends — confirm (double opt-in) and, for an address already subscribed, its
/// manage link — made as carefully as a digest (HTML part: <see cref="SubscriptionMail"/>): a heading, short paragraphs,
/// the action as a button-style link, the address it opens written out beneath for clients that hide links; in the
/// plain-text part the URL stands on a line of its own, so that any client makes it clickable and nothing wraps into it.
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
        var html = ComponentHtml.Render<SubscriptionMail>(new()
            { [nameof(SubscriptionMail.Subject)] = subject, [nameof(SubscriptionMail.Heading)] = title,
              [nameof(SubscriptionMail.Paragraphs)] = paragraphs, [nameof(SubscriptionMail.Button)] = button, [nameof(SubscriptionMail.Link)] = link,
              [nameof(SubscriptionMail.Footnote)] = footnote });

        var text = new StringBuilder(1024).Append(title).Append("\n\n");
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        text.Append(button).Append("：\n").Append(link).Append("\n\n").Append(footnote).Append('\n');
        return new RenderedMail(to, subject, html, text.ToString(), new Dictionary<string, string>());
    }
}
