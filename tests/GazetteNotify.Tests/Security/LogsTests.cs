using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// What the runner logs while it serves subscribers and departments — subscribe, confirm, ingest, alerts through the
/// queue, a failing SMTP relay that names the recipient in its error — never holds a full e-mail address, a signed
/// token, the link secret or the admin key.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class LogsTests : IDisposable
{
    private const string AdminKey = "logs-admin-key-0123456789abcdef";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-logs-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>A relay that delivers confirmations (to the outbox) and refuses digests, naming the recipient as real relays do.</summary>
    private sealed class RefusingRelay(IMailTransport confirmations) : IMailTransport
    {
        public Task<MailSendResult> SendAsync(global::GazetteNotify.Mail.RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default) =>
            mail.Subject.Contains("确认", StringComparison.Ordinal)
                ? confirmations.SendAsync(mail, deliveryId, cancellationToken)
                : Task.FromResult(MailSendResult.Failure($"550 5.1.1 <{mail.To}>: Recipient address rejected; see https://relay.example/help?token=abcdef123456", retryable: true));
    }

    [Fact]
    public async Task Logs_hold_no_address_token_or_secret()
    {
        var log = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = _outbox };
        await using (var runner = await LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TextWriter.Synchronized(log))
        {
            Port = 0, Storage = _storage, LinkSecret = Scenario.LinkSecret, AdminKey = AdminKey, Timers = false,
            Transport = new RefusingRelay(new OutboxTransport(_outbox, new MailboxAddress("t", "t@gazette.local"))),
            WatchInterval = TimeSpan.FromMilliseconds(200), QueuePollInterval = TimeSpan.FromMilliseconds(100), QueueVisibilityTimeout = TimeSpan.FromSeconds(1),
        }))
        using (var http = new HttpClient { BaseAddress = runner.BaseUrl })
        {
            await http.PostAsync("/subscribe", new FormUrlEncodedContent([new("email", "Private.Person@example.com"), new("keywords", "居住证")]));
            var confirm = ConfirmLink().Match(MimeMessage.Load(Directory.GetFiles(_outbox, "*.eml").Single()).TextBody!).Value;
            await http.GetAsync(confirm);
            await http.PostAsync(confirm, new FormUrlEncodedContent([])); // the page's 确认订阅 button: only the POST confirms
            await http.GetAsync($"/admin?code={AdminKey}");
            await http.PostAsync("/admin/login", new FormUrlEncodedContent([new("key", AdminKey)])); // the key as the login form sends it
            await _storage.Issues.GetBlobClient("private.person@example.com-upload.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
            for (var i = 0; i < 100 && !log.ToString().Contains("ingested", StringComparison.Ordinal); i++) await Task.Delay(100);
            await Jobs.Alerts(_storage, new EmailBatches(_storage),
                new global::GazetteNotify.Site.LinkTokens(Scenario.LinkSecret, TimeProvider.System), global::GazetteNotify.Site.SiteSettings.Local, TimeProvider.System).RunAsync();
            for (var i = 0; i < 100 && !log.ToString().Contains("batch:", StringComparison.Ordinal); i++) await Task.Delay(100);
        }

        // The digest went through the queue to the refusing relay: its error, naming the recipient, was logged.
        var text = log.ToString();
        Assert.Contains("ingest", text);
        Assert.Contains("1 failed", text);
        Assert.DoesNotContain("private.person@example.com", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(FullAddress(), text);
        Assert.DoesNotContain(Scenario.LinkSecret, text);
        Assert.DoesNotContain(AdminKey, text);
        Assert.DoesNotContain("token=ey", text);
    }

    [Fact]
    public void Redaction_masks_addresses_and_cuts_tokens_keys_and_codes()
    {
        var redacted = Redaction.Redact("550 <Private.Person@example.com> rejected; open https://x/confirm?token=eyJhbGci.sig&x=1 or ?code=SECRET key=abc")!;
        Assert.Equal("550 <P***@example.com> rejected; open https://x/confirm?token=…&x=1 or ?code=… key=…", redacted);
        Assert.Null(Redaction.Redact(null));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();

    /// <summary>An address with more than one character before the @: not masked.</summary>
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{2,}@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex FullAddress();
}
