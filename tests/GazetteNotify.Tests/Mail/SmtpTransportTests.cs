using System.Net.Http.Json;
using System.Text.Json;
using GazetteNotify.Mail;
using GazetteNotify.Tests.Support;
using MimeKit;

namespace GazetteNotify.Tests.Mail;

/// <summary>SMTP through MailKit into a real maildev.</summary>
public sealed class SmtpTransportTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private readonly MaildevFixture _maildev = maildev;

    private static readonly MailboxAddress From = new("公报提醒", "alerts@gazette.local");

    [Fact]
    public async Task A_digest_arrives_with_its_subject_parts_and_unsubscribe_headers()
    {
        _ = _maildev;
        var to = $"smtp-{Guid.NewGuid():N}@example.com";
        var mail = new RenderedMail(to, "聊城市人民政府公报：1 份新文件与您的订阅相关", "<p>居住证</p>", "居住证\n",
            new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://example.org/api/unsubscribe?t=1>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" });

        var result = await new SmtpTransport("127.0.0.1", MaildevFixture.SmtpPort, From).SendAsync(mail, "smtp-test-1");

        Assert.True(result.Sent, result.Error);
        using var http = new HttpClient { BaseAddress = MaildevFixture.Api };
        JsonElement received = default;
        for (var i = 0; i < 50 && received.ValueKind == JsonValueKind.Undefined; i++)
        {
            var all = await http.GetFromJsonAsync<JsonElement>("email");
            received = all.EnumerateArray().FirstOrDefault(m => m.GetProperty("to")[0].GetProperty("address").GetString() == to);
            if (received.ValueKind == JsonValueKind.Undefined) await Task.Delay(100);
        }

        Assert.NotEqual(JsonValueKind.Undefined, received.ValueKind);
        Assert.Equal(mail.Subject, received.GetProperty("subject").GetString());
        Assert.Contains("居住证", received.GetProperty("text").GetString());
        // The raw message as the SMTP server received it carries the one-click headers.
        await using var source = await http.GetStreamAsync($"email/{received.GetProperty("id").GetString()}/source");
        var raw = await MimeMessage.LoadAsync(source);
        Assert.Equal("List-Unsubscribe=One-Click", raw.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("<https://example.org/api/unsubscribe?t=1>", raw.Headers["List-Unsubscribe"]);
        Assert.Contains("<p>居住证</p>", raw.HtmlBody);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_retryable_failure()
    {
        var result = await new SmtpTransport("127.0.0.1", 9, From).SendAsync(
            new RenderedMail("a@example.com", "s", "<p>h</p>", "t", new Dictionary<string, string>()), "smtp-test-2");
        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Contains("127.0.0.1:9", result.Error);
    }
}
