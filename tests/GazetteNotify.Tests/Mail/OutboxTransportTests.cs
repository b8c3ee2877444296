using GazetteNotify.Mail;
using MimeKit;

namespace GazetteNotify.Tests.Mail;

public sealed class OutboxTransportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gazette-outbox-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly RenderedMail Mail = new(
        "zhang@example.com",
        "聊城市人民政府公报：2 份新文件与您的订阅相关",
        "<p>关于印发聊城市居住证实施办法的通知</p>",
        "关于印发聊城市居住证实施办法的通知\n退订：https://example.org/u?t=1\n",
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://example.org/api/unsubscribe?t=1>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });

    private OutboxTransport Outbox() => new(_dir, new MailboxAddress("聊城市政府公报提醒", "alerts@gazette.local"));

    [Fact]
    public async Task A_mail_becomes_a_readable_eml_with_both_parts_and_unsubscribe_headers()
    {
        var result = await Outbox().SendAsync(Mail, "run-1-zhang");

        Assert.True(result.Sent);
        var file = Assert.Single(Directory.GetFiles(_dir, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("聊城市人民政府公报：2 份新文件与您的订阅相关", message.Subject);
        Assert.Equal("zhang@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("<https://example.org/api/unsubscribe?t=1>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("居住证", message.TextBody);
        Assert.Contains("<p>关于印发", message.HtmlBody);
        Assert.Equal("run-1-zhang@gazette.local", message.MessageId);
    }

    [Fact]
    public async Task Sending_the_same_delivery_again_does_not_duplicate_it()
    {
        await Outbox().SendAsync(Mail, "run-1-zhang");
        await Outbox().SendAsync(Mail, "run-1-zhang");
        Assert.Single(Directory.GetFiles(_dir, "*.eml"));
    }

    [Fact]
    public async Task A_subject_with_line_breaks_cannot_inject_headers()
    {
        await Outbox().SendAsync(Mail with { Subject = "通知\r\nBcc: everyone@example.com" }, "run-2");
        var message = await MimeMessage.LoadAsync(Directory.GetFiles(_dir, "*.eml").Single());
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain("Bcc", message.Headers.Select(h => h.Field));
    }
}
