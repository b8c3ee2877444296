using GazetteNotify.Alerts;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Retention;

/// <summary>
/// The daily clean-up (APPLY_RETENTION_SCHEDULE). It erases what the privacy notice promises to erase — unconfirmed
/// requests after 7 days, unsubscribed addresses after 28, and batch payloads (addresses with their personal links)
/// after 28 — and deletes ledger rows no job reads again (and the webhook's memory of events older than 3 days), so
/// the Deliveries and WebhookEvents tables do not grow with every run.
/// Idempotent: a rerun, or two at once, finds nothing more to delete.
/// </summary>
public sealed class ApplyRetention(GazetteStorage storage, SubscriberStore subscribers, TimeProvider clock)
{
    /// <summary>
    /// A payload is needed while its queue message may still be delivered (a queue keeps a message 7 days at most) and
    /// by the admin looking into a poisoned batch; past the unsubscribed-address period it would outlive the erasure.
    /// </summary>
    public static readonly TimeSpan BatchPayloadRetention = SubscriberStore.UnsubscribedRetention;

    /// <summary>
    /// Far beyond any window a job looks back on (a rerun of an alerts run comes within hours; reminders look 30 days
    /// back), and a year of history for the admin.
    /// </summary>
    public static readonly TimeSpan LedgerRetention = TimeSpan.FromDays(400);

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var erased = await subscribers.ApplyRetentionAsync(cancellationToken);
        var payloads = await DeletePayloadsAsync(now - BatchPayloadRetention, cancellationToken);
        var deliveries = storage.Table(storage.Names.DeliveriesTable);
        var ledgerRows = 0;
        foreach (var range in LedgerRangesBefore(now - LedgerRetention)) ledgerRows += await TableRanges.DeleteAsync(deliveries, range, keep: null, cancellationToken);
        // The webhook's memory of processed events, counted with the ledger rows: days past any replay or SendGrid retry.
        ledgerRows += await TableRanges.DeleteAsync(storage.Table(storage.Names.WebhookEventsTable),
            TableRanges.Partitions("0000", SendGridEvents.MemoryPartition(now - SendGridEvents.MemoryRetention)), keep: null, cancellationToken);
        return new RetentionRun(erased, payloads, ledgerRows);
    }

    /// <summary>
    /// The Deliveries partitions that end before <paramref name="cutoff"/>, as key ranges (no table scan): alerts runs
    /// by the time of the issues they cover, reminder days by date, and what was reminded by due year — a year goes once
    /// it ended before the cutoff.
    /// </summary>
    public static IEnumerable<string> LedgerRangesBefore(DateTimeOffset cutoff)
    {
        var day = DateOnly.FromDateTime(cutoff.UtcDateTime);
        yield return TableRanges.Partitions(SendTopicAlerts.RunKey(DateTimeOffset.MinValue), SendTopicAlerts.RunKey(cutoff));
        yield return TableRanges.Partitions(ReminderLedger.Run(DateOnly.MinValue), ReminderLedger.Run(day));
        yield return TableRanges.Partitions(ReminderLedger.Partition(0), ReminderLedger.Partition(day.Year));
        yield return TableRanges.Partitions(ReminderLedger.LegacyPartition(0), ReminderLedger.LegacyPartition(day.Year));
    }

    /// <summary>Old payloads, several deletes at a time: each is a round trip of its own (a run can leave thousands).</summary>
    private async Task<int> DeletePayloadsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var container = storage.Container(storage.Names.EmailBatches);
        var old = container.GetBlobsAsync(cancellationToken: cancellationToken)
            .Where(blob => blob.Properties.CreatedOn is { } created && created < cutoff);
        var deleted = 0;
        await Parallel.ForEachAsync(old, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (blob, token) =>
        {
            if ((await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: token)).Value) Interlocked.Increment(ref deleted);
        });
        return deleted;
    }
}
