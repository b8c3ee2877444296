using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Mail;

/// <summary>
/// The duplicate-send doubt (issue 21, finding 9): a worker that died holding a delivery may have handed it to SendGrid
/// already. Past its lease the delivery waits for SendGrid's events — processed/delivered settle it as sent, dropped as
/// dropped — and only without any event within the uncertain window is it sent again.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class UncertainDeliveryTests
{
    private const string Run = "alerts-20261207000000000";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private static string Key(int n) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"r{n}@example.com")))[..32];

    private SendGridEvents Events() => new(_storage, new SubscriberStore(_storage, _clock), "", _clock);

    /// <summary>Three deliveries claimed by a worker that then died; the lease passes.</summary>
    private async Task<DeliveryLedger> DeadWorkerAsync()
    {
        await _storage.EnsureCreatedAsync();
        var ledger = new DeliveryLedger(_storage, _clock);
        var claims = await ledger.ClaimAsync(Run, [Key(1), Key(2), Key(3)], default);
        Assert.All(claims.Values, c => Assert.Equal(DeliveryClaim.Go, c));
        _clock.Advance(DeliveryLedger.SendingLease + TimeSpan.FromSeconds(1));
        return ledger;
    }

    private static byte[] Post(params (string Event, int Recipient)[] events) => Encoding.UTF8.GetBytes("[" + string.Join(',', events.Select((e, i) =>
        $$"""{"email":"r{{e.Recipient}}@example.com","event":"{{e.Event}}","timestamp":1765065600,"sg_event_id":"ev-{{i}}-{{e.Event}}","{{SendGridTransport.DeliveryArgument}}":"{{DeliveryLedger.DeliveryId(Run, Key(e.Recipient))}}","reason":"Bounced Address"}"""))
        + "]");

    [Fact]
    public async Task A_dead_workers_delivery_is_not_sent_again_after_its_lease_but_waits_for_events()
    {
        var ledger = await DeadWorkerAsync();

        Assert.Equal(DeliveryClaim.Unsettled, await ledger.ClaimAsync(Run, Key(1), default));
        Assert.Equal(DeliveryStatus.Uncertain, (await ledger.ListAsync(Run)).Single(r => r.RowKey == Key(1)).Status);
        _clock.Advance(DeliveryLedger.UncertainWindow - DeliveryLedger.SendingLease - TimeSpan.FromSeconds(2));
        Assert.Equal(DeliveryClaim.Unsettled, await ledger.ClaimAsync(Run, Key(1), default)); // still within the window

        // The admin sees it apart from sent, sending and failed.
        var run = (await new RecentDeliveries(_storage, _clock).ListAsync(TimeSpan.FromDays(14))).Single(r => r.Key == Run);
        Assert.Equal((0, 2, 1, 0), (run.Sent, run.Sending, run.Uncertain, run.Failed));
    }

    [Fact]
    public async Task Processed_and_delivered_events_settle_it_as_sent_and_dropped_as_dropped_never_sent_again()
    {
        var ledger = await DeadWorkerAsync();
        Assert.Equal(DeliveryClaim.Unsettled, await ledger.ClaimAsync(Run, Key(1), default));

        var tally = await Events().RecordAsync(Post(("processed", 1), ("delivered", 2), ("dropped", 3)));
        Assert.Equal(3, tally.Settled);

        var rows = (await ledger.ListAsync(Run)).ToDictionary(r => r.RowKey);
        Assert.Equal((DeliveryStatus.Sent, "processed"), (rows[Key(1)].Status, rows[Key(1)].SettledBy));
        Assert.Equal((DeliveryStatus.Sent, "delivered"), (rows[Key(2)].Status, rows[Key(2)].SettledBy));
        Assert.Equal((DeliveryStatus.Dropped, "dropped"), (rows[Key(3)].Status, rows[Key(3)].SettledBy));
        Assert.Contains("Bounced Address", rows[Key(3)].Error);

        // Long past the window, a redelivered batch finds all three done.
        _clock.Advance(DeliveryLedger.UncertainWindow * 3);
        foreach (var n in new[] { 1, 2, 3 }) Assert.Equal(DeliveryClaim.Done, await ledger.ClaimAsync(Run, Key(n), default));
    }

    [Fact]
    public async Task A_processed_event_arriving_after_dropped_leaves_it_dropped()
    {
        var ledger = await DeadWorkerAsync();
        await Events().RecordAsync(Post(("dropped", 1)));
        await Events().RecordAsync(Post(("processed", 1)));

        var row = (await ledger.ListAsync(Run)).Single(r => r.RowKey == Key(1));
        Assert.Equal((DeliveryStatus.Dropped, "dropped"), (row.Status, row.SettledBy));
    }

    [Fact]
    public async Task A_late_worker_record_does_not_undo_what_an_event_settled()
    {
        // The processed event can arrive before the worker that sent the mail records its (timed-out) answer.
        var ledger = await DeadWorkerAsync();
        await Events().RecordAsync(Post(("processed", 1)));
        await ledger.CompleteAsync(Run, Key(1), MailSendResult.Unanswered("no answer in time"), default);

        _clock.Advance(DeliveryLedger.UncertainWindow * 3);
        Assert.Equal(DeliveryClaim.Done, await ledger.ClaimAsync(Run, Key(1), default));
    }

    [Fact]
    public async Task Without_any_event_it_is_sent_again_once_the_window_from_its_claim_has_passed()
    {
        var ledger = await DeadWorkerAsync();
        Assert.Equal(DeliveryClaim.Unsettled, await ledger.ClaimAsync(Run, Key(1), default));

        _clock.Advance(DeliveryLedger.UncertainWindow - DeliveryLedger.SendingLease);
        Assert.Equal(DeliveryClaim.Go, await ledger.ClaimAsync(Run, Key(1), default));
        Assert.Equal(DeliveryClaim.InFlight, await ledger.ClaimAsync(Run, Key(1), default)); // the new claim is this worker's
        var row = (await ledger.ListAsync(Run)).Single(r => r.RowKey == Key(1));
        Assert.Equal((DeliveryStatus.Sending, 2), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task An_event_for_a_delivery_that_is_not_ours_settles_nothing()
    {
        await DeadWorkerAsync();
        var body = Encoding.UTF8.GetBytes($$"""[{"email":"x@example.com","event":"processed","timestamp":1765065600,"sg_event_id":"ev-x","{{SendGridTransport.DeliveryArgument}}":"alerts-1-0123456789abcdef"},{"email":"y@example.com","event":"processed","timestamp":1765065600,"{{SendGridTransport.DeliveryArgument}}":"x"}]""");
        Assert.Equal(0, (await Events().RecordAsync(body)).Settled);
    }
}
