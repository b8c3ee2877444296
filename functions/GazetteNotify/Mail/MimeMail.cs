using MimeKit;

namespace GazetteNotify.Mail;

/// <summary>
/// A rendered mail as a MIME message (MimeKit): UTF-8 subject and parts, multipart/alternative (text first, then HTML),
/// the unsubscribe headers, and a Message-Id derived from the delivery id. Header values are folded and encoded by
/// MimeKit; line breaks in a subject are removed first, so nothing can inject a header.
/// </summary>
public static class MimeMail
{
    public static MimeMessage Build(RenderedMail mail, MailboxAddress from, string deliveryId, string domain)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject.Replace('\r', ' ').Replace('\n', ' ');
        message.MessageId = $"{deliveryId}@{domain}";
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value.Replace('\r', ' ').Replace('\n', ' '));
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = mail.Text },
            new TextPart("html") { Text = mail.Html },
        };
        foreach (var part in message.BodyParts.OfType<TextPart>()) part.ContentType.Charset = "utf-8";
        return message;
    }
}
