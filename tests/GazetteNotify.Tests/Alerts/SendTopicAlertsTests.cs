using GazetteNotify.Alerts;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Alerts;

/// <summary>The alerts job against Azurite, mailing into an outbox folder.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendTopicAlertsTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    // 10 June 2022 (China time): the issue's 6月底前 limits fall inside the next 30 days, its 8月底前 ones outside.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-alerts-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private SendTopicAlerts Job(IMailTransport? transport = null) => Jobs.Alerts(
        _storage,
        transport ?? new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local")),
        new LinkTokens(Scenario.LinkSecret, _clock),
        SiteSettings.Local,
        _clock);

    private async Task Ingest(string sample)
    {
        await Scenario.IngestAsync(_storage, _clock, sample);
        _clock.Advance(TimeSpan.FromMinutes(1));
    }

    private Task Subscribe(string email, params string[] keywords) => Scenario.SubscribeAsync(_storage, _clock, email, Scenario.Keywords(keywords));

    private string[] Mails() => Directory.GetFiles(_outbox, "*.eml");

    [Fact]
    public async Task Matching_subscribers_get_one_digest_each_and_a_rerun_sends_nothing_more()
    {
        await Ingest(Samples.Issue2022_06);
        await Subscribe("permit@example.com", "居住证");
        await Subscribe("vets@example.com", "口蹄疫");
        await new SubscriberStore(_storage, _clock).RequestAsync(EmailAddress.Parse("pending@example.com"), new Preferences([], ["居住证"], [], [], DigestFrequency.EachIssue));

        var first = await Job().RunAsync();

        Assert.Equal((1, 7, 1, 1, 0), (first.NewIssues, first.NewDocuments, first.Digests, first.Sent, first.Failed));
        Assert.True(first.WatermarkAdvanced);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Mails()));
        Assert.Equal("permit@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("关于印发聊城市居住证实施办法的通知", mail.TextBody);
        Assert.StartsWith("<http://127.0.0.1:7071/api/unsubscribe?token=", mail.Headers["List-Unsubscribe"]);
        var ledger = await new DeliveryLedger(_storage, _clock).ListAsync(first.RunKey!);
        Assert.Equal("sent", Assert.Single(ledger).StatusName);

        var second = await Job().RunAsync();
        Assert.Equal(0, second.NewIssues);
        Assert.Single(Mails());
    }

    [Fact]
    public async Task A_digest_lists_the_subscribers_deadlines_of_the_next_30_days()
    {
        await Ingest(Samples.Issue2022_06);
        await Subscribe("grid@example.com", "国网聊城供电公司");

        await Job().RunAsync();

        var text = (await MimeMessage.LoadAsync(Assert.Single(Mails()))).TextBody ?? "";
        Assert.Contains("未来 30 天到期的相关任务", text);
        Assert.Contains("2022-06-30 6 月底", text);               // measure 15: 力争 6 月底确定…方案
        Assert.DoesNotContain("2022-08-31", text.Split("未来 30 天")[1]); // beyond the window
    }

    [Fact]
    public async Task A_later_issue_alerts_only_its_own_documents()
    {
        await Ingest(Samples.Issue2022_06);
        await Subscribe("vets@example.com", "口蹄疫");
        await Job().RunAsync();
        Assert.Empty(Mails());

        await Ingest(Samples.Issue2019_08);
        var run = await Job().RunAsync();

        Assert.Equal(1, run.NewIssues);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Mails()));
        Assert.Contains("口蹄疫", mail.TextBody);
        Assert.DoesNotContain("居住证实施办法", mail.TextBody);
    }

    [Fact]
    public async Task A_failed_send_keeps_the_watermark_and_the_retry_sends_only_what_is_missing()
    {
        await Ingest(Samples.Issue2022_06);
        await Subscribe("permit@example.com", "居住证");
        await Subscribe("insured@example.com", "医疗保险");
        var flaky = new FlakyTransport(new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local")), failFor: "insured@example.com");

        var first = await Job(flaky).RunAsync();
        Assert.Equal((1, 1), (first.Sent, first.Failed));
        Assert.False(first.WatermarkAdvanced);

        flaky.FailFor = null;
        var retry = await Job(flaky).RunAsync();

        Assert.Equal((1, 0), (retry.Sent, retry.Failed)); // the subscriber already served is not even planned again
        Assert.True(retry.WatermarkAdvanced);
        Assert.Equal(2, Mails().Length);
        Assert.Equal(3, flaky.Calls); // permit once, insured twice
    }

    [Fact]
    public async Task A_crash_between_sending_and_recording_does_not_send_twice()
    {
        await Ingest(Samples.Issue2022_06);
        await Subscribe("permit@example.com", "居住证");
        await Job().RunAsync();
        // The process died after the send and the ledger row, before the subscriber's mark was saved.
        await new SubscriberStore(_storage, _clock).MarkDigestedAsync(EmailAddress.Parse("permit@example.com"), DateTimeOffset.MinValue, null);

        var rerun = await Job().RunAsync();

        Assert.Equal((0, 1), (rerun.Sent, rerun.AlreadySent));
        Assert.Single(Mails());
    }

    [Fact]
    public async Task Daily_subscribers_get_one_digest_a_day_covering_everything_since_the_last()
    {
        await Scenario.SubscribeAsync(_storage, _clock, "daily@example.com", Scenario.Keywords("居住证", "口蹄疫") with { Frequency = DigestFrequency.Daily });
        await Subscribe("each@example.com", "居住证", "口蹄疫");

        // 11 June, 07:00 China time: too early for the daily digest; the each-issue subscriber is served.
        _clock.SetUtcNow(new DateTimeOffset(2022, 6, 10, 23, 0, 0, TimeSpan.Zero));
        await Ingest(Samples.Issue2022_06);
        await Job().RunAsync();
        Assert.Single(Mails());

        // 09:00: the daily digest goes out with the first issue.
        _clock.SetUtcNow(new DateTimeOffset(2022, 6, 11, 1, 0, 0, TimeSpan.Zero));
        await Job().RunAsync();
        Assert.Equal(2, Mails().Length);

        // Later that day a second issue: each-issue hears at once, daily waits for tomorrow.
        await Ingest(Samples.Issue2019_08);
        await Job().RunAsync();
        Assert.Equal(3, Mails().Length);

        _clock.SetUtcNow(new DateTimeOffset(2022, 6, 12, 0, 30, 0, TimeSpan.Zero)); // 08:30 next day
        await Job().RunAsync();
        var mails = Mails().Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Single().Address == "daily@example.com").ToList();
        Assert.Equal(2, mails.Count);
        var texts = mails.Select(m => m.TextBody ?? "").ToList();
        // Yesterday's digest had the first issue only; today's has the second only.
        Assert.Single(texts, t => t.Contains("居住证实施办法", StringComparison.Ordinal) && !t.Contains("口蹄疫", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("口蹄疫", StringComparison.Ordinal) && !t.Contains("居住证实施办法", StringComparison.Ordinal));
    }

    private sealed class FlakyTransport(IMailTransport inner, string? failFor) : IMailTransport
    {
        public string? FailFor { get; set; } = failFor;

        public int Calls { get; private set; }

        public Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return mail.To == FailFor
                ? Task.FromResult(MailSendResult.Failure("503 service unavailable", retryable: true))
                : inner.SendAsync(mail, deliveryId, cancellationToken);
        }
    }
}
