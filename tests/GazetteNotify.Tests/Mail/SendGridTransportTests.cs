using System.Text.Json;
using GazetteNotify.Mail;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GazetteNotify.Tests.Mail;

/// <summary>SendGrid faked at its HTTP boundary with WireMock: payload shape, retries honouring Retry-After, errors.</summary>
public sealed class SendGridTransportTests : IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private readonly List<TimeSpan> _waits = [];

    public void Dispose() => _sendGrid.Stop();

    private static readonly RenderedMail Mail = new(
        "zhang@example.com",
        "聊城市人民政府公报：2 份新文件与您的订阅相关",
        "<p>关于印发聊城市居住证实施办法的通知</p>",
        "关于印发聊城市居住证实施办法的通知\n",
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://example.org/api/unsubscribe?t=1>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });

    private SendGridTransport Transport() => new(
        new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions { ApiKey = "SG.test-key-not-real", Host = _sendGrid.Url! }),
        new SendGrid.Helpers.Mail.EmailAddress("alerts@gazette.example", "公报提醒"),
        maxAttempts: 4,
        delay: (wait, _) => { _waits.Add(wait); return Task.CompletedTask; });

    private static IRequestBuilder MailSend() => Request.Create().WithPath("/v3/mail/send").UsingPost();

    [Fact]
    public async Task The_request_carries_both_parts_the_unsubscribe_headers_and_the_delivery_id()
    {
        _sendGrid.Given(MailSend()).RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-123"));

        var result = await Transport().SendAsync(Mail, "run-1-abc");

        Assert.True(result.Sent);
        Assert.Equal("sg-123", result.MessageId);
        var request = Assert.Single(_sendGrid.LogEntries).RequestMessage!;
        Assert.Equal("Bearer SG.test-key-not-real", request.Headers!["Authorization"][0]);
        using var json = JsonDocument.Parse(request.Body!);
        var root = json.RootElement;
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        Assert.Equal("zhang@example.com", Assert.Single(personalization.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(Mail.Subject, personalization.GetProperty("subject").GetString());
        Assert.Equal("alerts@gazette.example", root.GetProperty("from").GetProperty("email").GetString());
        var contents = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal(Mail.Text, contents["text/plain"]);
        Assert.Equal(Mail.Html, contents["text/html"]);
        Assert.Equal("List-Unsubscribe=One-Click", personalization.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Equal("<https://example.org/api/unsubscribe?t=1>", personalization.GetProperty("headers").GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("run-1-abc", personalization.GetProperty("custom_args").GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task A_batch_is_one_request_with_a_personalization_per_recipient()
    {
        _sendGrid.Given(MailSend()).RespondWith(Response.Create().WithStatusCode(202));
        var template = new RenderedMail("", "聊城市人民政府公报：1 份新文件与您的订阅相关",
            $"<a href=\"{EmailBatch.UnsubscribeSlot}\">退订</a>", $"退订：{EmailBatch.UnsubscribeSlot}\n",
            new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{EmailBatch.OneClickSlot}>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" });
        var recipients = Enumerable.Range(1, 3).Select(i => new BatchRecipient($"u{i}@example.com", $"k{i}", $"run-{i}",
            new RecipientLinks($"https://x.org/manage?token=m{i}", $"https://x.org/unsubscribe?token=u{i}", $"https://x.org/api/unsubscribe?token=u{i}"))).ToList();
        var batch = new EmailBatch("run", template.Subject, template.Html, template.Text, template.Headers, recipients);

        var result = await Transport().SendBatchAsync(batch, recipients);

        Assert.True(result.Sent);
        using var json = JsonDocument.Parse(Assert.Single(_sendGrid.LogEntries).RequestMessage!.Body!);
        var personalizations = json.RootElement.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(3, personalizations.Count);
        for (var i = 0; i < 3; i++)
        {
            var p = personalizations[i];
            Assert.Equal($"u{i + 1}@example.com", Assert.Single(p.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
            Assert.Equal($"https://x.org/unsubscribe?token=u{i + 1}", p.GetProperty("substitutions").GetProperty(EmailBatch.UnsubscribeSlot).GetString());
            Assert.Equal($"<https://x.org/api/unsubscribe?token=u{i + 1}>", p.GetProperty("headers").GetProperty("List-Unsubscribe").GetString());
            Assert.Equal($"run-{i + 1}", p.GetProperty("custom_args").GetProperty("delivery").GetString());
        }

        Assert.Contains(EmailBatch.UnsubscribeSlot, json.RootElement.GetProperty("content")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_sendgrid_asks_for()
    {
        _sendGrid.Given(MailSend()).InScenario("busy").WillSetStateTo("calm")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7"));
        _sendGrid.Given(MailSend()).InScenario("busy").WhenStateIs("calm")
            .RespondWith(Response.Create().WithStatusCode(202));

        var result = await Transport().SendAsync(Mail, "run-2");

        Assert.True(result.Sent);
        Assert.Equal([TimeSpan.FromSeconds(7)], _waits);
        Assert.Equal(2, _sendGrid.LogEntries.Count);
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_attempts_with_growing_waits()
    {
        _sendGrid.Given(MailSend()).RespondWith(Response.Create().WithStatusCode(503).WithBody("try later"));

        var result = await Transport().SendAsync(Mail, "run-3");

        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Equal("SendGrid 503: try later", result.Error);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _waits);
        Assert.Equal(4, _sendGrid.LogEntries.Count);
    }

    [Fact]
    public async Task A_400_is_a_failure_with_sendgrids_error_text_and_no_retry()
    {
        _sendGrid.Given(MailSend()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody("""{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email"}]}"""));

        var result = await Transport().SendAsync(Mail, "run-4");

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Contains("Does not contain a valid address.", result.Error);
        Assert.Single(_sendGrid.LogEntries);
        Assert.Empty(_waits);
    }
}
