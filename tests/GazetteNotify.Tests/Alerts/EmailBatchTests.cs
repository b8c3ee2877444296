using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Alerts;

/// <summary>Fan-out through the email-batches queue on Azurite: identical digests share a batch, each recipient keeps their own links.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EmailBatchTests : IDisposable
{
    private const string Secret = Scenario.LinkSecret;
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-batches-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private OutboxTransport Outbox() => new(_outbox, new MailboxAddress("提醒", "alerts@gazette.local"));

    private Task Subscribe(string email, string keyword) => Scenario.SubscribeAsync(_storage, _clock, email, Scenario.Keywords(keyword));

    [Fact]
    public async Task Identical_digests_share_a_batch_and_a_redelivered_message_sends_nothing_twice()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await Subscribe("a@example.com", "居住证");
        await Subscribe("b@example.com", "居住证");
        await Subscribe("c@example.com", "医疗保险");
        var tokens = new LinkTokens(Secret, _clock);
        var batches = new EmailBatches(_storage);

        var run = await Jobs.Alerts(_storage, batches, tokens, SiteSettings.Local, _clock).RunAsync();

        Assert.Equal((3, 2, 0), (run.Digests, run.Batches, run.Sent));
        Assert.Empty(Directory.GetFiles(_outbox));
        var messages = (await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessagesAsync(10)).Value;
        Assert.Equal(2, messages.Length);

        var job = new SendEmailBatch(batches, new DeliveryLedger(_storage, _clock), Outbox());
        var results = new List<BatchResult>();
        foreach (var message in messages) results.Add(await job.RunAsync(message.MessageText));
        Assert.Equal(3, results.Sum(r => r.Sent));
        var mails = Directory.GetFiles(_outbox, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        foreach (var mail in mails)
        {
            // Each recipient's links carry their own signed token, in the body and in List-Unsubscribe.
            var recipient = mail.To.Mailboxes.Single().Address;
            var token = Uri.UnescapeDataString(mail.Headers["List-Unsubscribe"]!.Split("token=")[1].TrimEnd('>'));
            Assert.Equal(recipient, tokens.Verify(token, "unsubscribe").Subject);
            Assert.DoesNotContain("{{", mail.TextBody);
            Assert.DoesNotContain("{{", mail.HtmlBody);
        }

        // The same message delivered again (after a visibility timeout, say): nothing is sent twice.
        var again = await job.RunAsync(messages[0].MessageText);
        Assert.Equal(0, again.Sent);
        Assert.True(again.AlreadySent > 0);
        Assert.Equal(3, Directory.GetFiles(_outbox, "*.eml").Length);

        // And the planner does not queue the same digests again.
        Assert.Equal(0, (await Jobs.Alerts(_storage, batches, tokens, SiteSettings.Local, _clock).RunAsync()).Batches);
    }

    /// <summary>A SendGrid fake at the HTTP boundary that accepts every send.</summary>
    private static WireMock.Server.WireMockServer AcceptingSendGrid()
    {
        var sendGrid = WireMock.Server.WireMockServer.Start();
        sendGrid.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));
        return sendGrid;
    }

    private static SendGridTransport TransportTo(WireMock.Server.WireMockServer sendGrid) => new(
        new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions { ApiKey = "SG.test-key-not-real", Host = sendGrid.Url! }),
        new SendGrid.Helpers.Mail.EmailAddress("alerts@gazette.example"));

    [Fact]
    public async Task Through_sendgrid_a_batch_is_one_request_and_a_redelivery_makes_none()
    {
        using var sendGrid = AcceptingSendGrid();
        var transport = TransportTo(sendGrid);
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await Subscribe("a@example.com", "居住证");
        await Subscribe("b@example.com", "居住证");
        var batches = new EmailBatches(_storage);
        await Jobs.Alerts(_storage, batches, new LinkTokens(Secret, _clock), SiteSettings.Local, _clock).RunAsync();
        var message = Assert.Single((await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessagesAsync(10)).Value);
        var job = new SendEmailBatch(batches, new DeliveryLedger(_storage, _clock), transport);

        Assert.Equal(2, (await job.RunAsync(message.MessageText)).Sent);
        Assert.Equal(2, (await job.RunAsync(message.MessageText)).AlreadySent);

        var request = Assert.Single(sendGrid.LogEntries);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(request.RequestMessage!.Body!).RootElement.GetProperty("personalizations").GetArrayLength());
    }

    [Fact]
    public async Task A_batch_waiting_only_for_a_delivery_another_worker_holds_is_deferred_as_a_fresh_message()
    {
        await _storage.EnsureCreatedAsync();
        var batches = new EmailBatches(_storage);
        var ledger = new DeliveryLedger(_storage, _clock);
        var queue = _storage.Queue(_storage.Names.EmailBatches);
        BatchRecipient[] recipients = [new("a@example.com", "k-a", "run-9-k-a", EmailBatch.Slots), new("b@example.com", "k-b", "run-9-k-b", EmailBatch.Slots)];
        await batches.EnqueueAsync(new EmailBatch("run-9", "主题", "<p>正文</p>", "正文", new Dictionary<string, string>(), recipients));
        var message = (await queue.ReceiveMessageAsync()).Value;
        Assert.Equal(DeliveryClaim.Go, await ledger.ClaimAsync("run-9", "k-a", CancellationToken.None)); // a worker killed mid-send

        var result = await new SendEmailBatch(batches, ledger, Outbox()).RunOrDeferAsync(message.MessageText, TimeSpan.FromSeconds(1));

        Assert.Equal((1, 1, 0, false, true), (result.Sent, result.InFlight, result.Failed, result.Complete, result.Deferred));
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        await Task.Delay(1500);
        var copy = (await queue.ReceiveMessageAsync()).Value; // the original is still in this worker's hands, to be deleted
        Assert.Equal(message.MessageText, copy.MessageText);
        Assert.Equal(1, copy.DequeueCount); // a fresh message: waiting used up none of the attempts
    }

    [Fact]
    public async Task Through_sendgrid_a_batch_partly_sent_before_sends_only_to_the_rest()
    {
        using var sendGrid = AcceptingSendGrid();
        var transport = TransportTo(sendGrid);
        string[] emails = ["a@example.com", "b@example.com", "c@example.com"];
        var recipients = emails.Select(e => new BatchRecipient(e, DeliveryLedger.RecipientKey(EmailAddress.Parse(e)), "d-" + e, EmailBatch.Slots)).ToList();
        var batches = new EmailBatches(_storage);
        await _storage.EnsureCreatedAsync();
        await batches.EnqueueAsync(new EmailBatch("run-1", "s", "h", "t", new Dictionary<string, string>(), recipients));
        var ledger = new DeliveryLedger(_storage, _clock);
        // b was sent by an earlier attempt that died before finishing the batch: its claim meets b's row.
        Assert.True(await ledger.BeginAsync("run-1", recipients[1].RecipientKey, default));
        await ledger.CompleteAsync("run-1", recipients[1].RecipientKey, MailSendResult.Success("m"), default);

        var message = Assert.Single((await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessagesAsync(10)).Value);
        var result = await new SendEmailBatch(batches, ledger, transport).RunAsync(message.MessageText);

        Assert.Equal(new BatchResult(2, 1, 0), result);
        var body = System.Text.Json.JsonDocument.Parse(Assert.Single(sendGrid.LogEntries).RequestMessage!.Body!).RootElement;
        Assert.Equal(["a@example.com", "c@example.com"], body.GetProperty("personalizations").EnumerateArray()
            .Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()).Order());
        Assert.All(await ledger.ListAsync("run-1"), row => Assert.Equal("sent", row.StatusName));
    }

    [Fact]
    public async Task A_batch_holds_at_most_1000_recipients()
    {
        var recipients = Enumerable.Range(0, 1001).Select(i => new BatchRecipient($"u{i}@example.com", $"k{i}", $"d{i}", EmailBatch.Slots)).ToList();
        await Assert.ThrowsAsync<ArgumentException>(() => new EmailBatches(_storage).EnqueueAsync(
            new EmailBatch("run", "s", "h", "t", new Dictionary<string, string>(), recipients)));
    }
}
