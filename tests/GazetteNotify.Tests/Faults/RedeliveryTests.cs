using System.Collections.Concurrent;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// A queue message delivered again while the first worker still runs (its visibility timeout ran out), and delivered
/// twice in a row: each recipient is sent once, and the second worker leaves the message for a later look instead of
/// dropping it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RedeliveryTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();

    /// <summary>A slow provider that counts what it is asked to send (and is not idempotent, like SMTP).</summary>
    private sealed class SlowCountingTransport(TimeSpan delay) : IMailTransport
    {
        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public async Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken);
            Sends.AddOrUpdate(mail.To, 1, (_, n) => n + 1);
            return MailSendResult.Success(deliveryId);
        }
    }

    /// <summary>A provider that takes a whole batch in one request (as SendGrid does), counting each recipient it is given.</summary>
    private sealed class CountingBatchTransport : IBatchMailTransport
    {
        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a batching transport is sent whole batches");

        public async Task<MailSendResult> SendBatchAsync(EmailBatch batch, IReadOnlyList<BatchRecipient> recipients, CancellationToken cancellationToken = default)
        {
            await Task.Delay(50, cancellationToken);
            foreach (var r in recipients) Sends.AddOrUpdate(r.Email, 1, (_, n) => n + 1);
            return MailSendResult.Success("batch");
        }
    }

    private async Task<string> EnqueueAsync(int recipients)
    {
        await _storage.EnsureCreatedAsync();
        var list = Enumerable.Range(1, recipients).Select(i => new BatchRecipient($"p{i}@example.com", $"k{i}", $"run-r-k{i}", new RecipientLinks("", "", ""))).ToList();
        await new EmailBatches(_storage).EnqueueAsync(new EmailBatch("run-r", "主题", "<p>x</p>", "x", new Dictionary<string, string>(), list));
        return (await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessageAsync()).Value.MessageText;
    }

    [Fact]
    public async Task A_message_redelivered_while_the_first_worker_still_runs_sends_nothing_twice_and_is_not_dropped()
    {
        var message = await EnqueueAsync(6);
        var transport = new SlowCountingTransport(TimeSpan.FromMilliseconds(150));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = new SendEmailBatch(new EmailBatches(_storage), new DeliveryLedger(_storage, clock), transport);
        var second = new SendEmailBatch(new EmailBatches(_storage), new DeliveryLedger(_storage, clock), transport);

        var running = first.RunAsync(message);
        await Task.Delay(200); // the first worker is on its first recipients when the message shows up again
        var overlapping = await second.RunAsync(message);
        var done = await running;

        Assert.False(overlapping.Complete); // it saw deliveries in another worker's hands: the message stays queued
        Assert.True(overlapping.InFlight > 0);
        Assert.Equal(6, done.Sent + overlapping.Sent);
        Assert.All(transport.Sends.Values, n => Assert.Equal(1, n));
        Assert.Equal(6, transport.Sends.Count);

        // The later look finds everything sent and completes the message.
        var later = await second.RunAsync(message);
        Assert.True(later.Complete);
        Assert.Equal((0, 6), (later.Sent, later.AlreadySent));
    }

    [Fact]
    public async Task A_message_delivered_twice_at_once_sends_each_recipient_once()
    {
        var message = await EnqueueAsync(20);
        var transport = new SlowCountingTransport(TimeSpan.FromMilliseconds(20));
        var jobs = Enumerable.Range(0, 2).Select(_ => new SendEmailBatch(new EmailBatches(_storage), new DeliveryLedger(_storage, TimeProvider.System), transport)).ToList();

        var results = await Task.WhenAll(jobs.Select(j => j.RunAsync(message)));

        Assert.Equal(20, results.Sum(r => r.Sent));
        Assert.Equal(20, transport.Sends.Count);
        Assert.All(transport.Sends.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_worker_that_died_mid_batch_leaves_its_delivery_uncertain_after_its_lease_and_taken_over_after_the_window()
    {
        var message = await EnqueueAsync(3);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var ledger = new DeliveryLedger(_storage, clock);
        Assert.Equal(DeliveryClaim.Go, await ledger.ClaimAsync("run-r", "k1", default)); // claimed, then the process died
        var transport = new SlowCountingTransport(TimeSpan.Zero);
        var job = new SendEmailBatch(new EmailBatches(_storage), ledger, transport);

        var soon = await job.RunAsync(message);
        Assert.Equal((2, 1, false), (soon.Sent, soon.InFlight, soon.Complete));

        // Past the lease the dead worker may have handed the mail over: uncertain, waiting for SendGrid's events.
        clock.Advance(DeliveryLedger.SendingLease + TimeSpan.FromSeconds(1));
        var lease = await job.RunAsync(message);
        Assert.Equal((0, 2, 1, false), (lease.Sent, lease.AlreadySent, lease.InFlight, lease.Complete));
        Assert.Equal(DeliveryStatus.Uncertain, (await ledger.ListAsync("run-r")).Single(r => r.RowKey == "k1").Status);

        // No event came within the window: sent again.
        clock.Advance(DeliveryLedger.UncertainWindow - DeliveryLedger.SendingLease);
        var after = await job.RunAsync(message);
        Assert.Equal((1, 2, true), (after.Sent, after.AlreadySent, after.Complete));
        Assert.All(transport.Sends.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Batch_claims_racing_on_one_run_give_each_delivery_to_exactly_one_worker()
    {
        // 250 recipients (three insert transactions), of which a few already have rows: sent, being sent, failed.
        await _storage.EnsureCreatedAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var keys = Enumerable.Range(1, 250).Select(i => $"k{i}").ToList();
        var earlier = new DeliveryLedger(_storage, clock);
        foreach (var key in new[] { "k5", "k150" })
        {
            await earlier.ClaimAsync("run-c", key, default);
            await earlier.CompleteAsync("run-c", key, MailSendResult.Success("m"), default);
        }

        await earlier.ClaimAsync("run-c", "k120", default); // another worker is sending it
        await earlier.ClaimAsync("run-c", "k240", default);
        await earlier.CompleteAsync("run-c", "k240", MailSendResult.Failure("500", retryable: true), default); // to be tried again

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new DeliveryLedger(_storage, clock).ClaimAsync("run-c", keys, default)));

        foreach (var key in keys)
        {
            var go = claims.Count(c => c[key] == DeliveryClaim.Go);
            Assert.True(go == (key is "k5" or "k150" or "k120" ? 0 : 1), $"{key}: {go} workers told to send it");
        }

        Assert.All(claims, c => Assert.Equal((DeliveryClaim.Done, DeliveryClaim.InFlight), (c["k5"], c["k120"])));
        Assert.Equal(2, (await earlier.ListAsync("run-c")).Single(r => r.RowKey == "k240").Attempts);
    }

    [Fact]
    public async Task A_batch_for_a_batching_provider_delivered_three_times_at_once_sends_each_recipient_once()
    {
        var message = await EnqueueAsync(250);
        var transport = new CountingBatchTransport();
        var jobs = Enumerable.Range(0, 3).Select(_ => new SendEmailBatch(new EmailBatches(_storage), new DeliveryLedger(_storage, TimeProvider.System), transport)).ToList();

        var results = await Task.WhenAll(jobs.Select(j => j.RunAsync(message)));

        Assert.Equal(250, results.Sum(r => r.Sent));
        Assert.Equal(250, transport.Sends.Count);
        Assert.All(transport.Sends.Values, n => Assert.Equal(1, n));
        var again = await jobs[0].RunAsync(message);
        Assert.Equal((0, 250, true), (again.Sent, again.AlreadySent, again.Complete));
    }
}
