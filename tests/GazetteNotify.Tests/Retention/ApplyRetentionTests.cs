using Azure.Data.Tables;
using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Mail;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Retention;

/// <summary>The daily clean-up against a real Azurite: what goes, what stays, and that repeating it is harmless.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ApplyRetentionTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero); // cutoff: 2025-09-27
    private static readonly Department Finance = new("finance", "市财政局", [], ["czj@example.com"]);

    private TableClient Deliveries => _storage.Table(_storage.Names.DeliveriesTable);

    [Fact]
    public async Task Ledger_rows_older_than_400_days_go_and_recent_runs_still_refuse_a_second_send()
    {
        await _storage.EnsureCreatedAsync();
        var clock = new FakeTimeProvider(Now);
        var ledger = new DeliveryLedger(_storage, clock);
        var oldRun = SendTopicAlerts.RunKey(Now.AddDays(-500));
        var recentRun = SendTopicAlerts.RunKey(Now.AddDays(-10));
        var oldKeys = Enumerable.Range(0, 150).Select(i => $"old{i:D4}").ToList(); // more than one transaction
        await ledger.ClaimAsync(oldRun, oldKeys, default);
        await ledger.CompleteAsync(oldRun, oldKeys, MailSendResult.Success("m-old"), default);
        await ledger.ClaimAsync(recentRun, ["recent1", "recent2"], default);
        await ledger.CompleteAsync(recentRun, ["recent1", "recent2"], MailSendResult.Success("m-new"), default);

        var reminders = new ReminderLedger(_storage, clock);
        var oldDay = new DateOnly(2024, 5, 6);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.True(await reminders.ClaimDayAsync(oldDay, Finance));
        Assert.True(await reminders.ClaimDayAsync(today, Finance));
        await Deliveries.AddEntityAsync(new TableEntity(ReminderLedger.Partition(2024), "2024-06-30|finance|x|0"));
        await Deliveries.AddEntityAsync(new TableEntity(ReminderLedger.Partition(2025), "2025-06-30|finance|x|0")); // its year ends after the cutoff
        await Deliveries.AddEntityAsync(new TableEntity(ReminderLedger.LegacyPartition(2023), "finance|y|7"));

        var run = await Jobs.Retention(_storage, clock).RunAsync();

        Assert.Equal(150 + 1 + 1 + 1, run.LedgerRowsDeleted);
        var left = new List<string>();
        await foreach (var row in Deliveries.QueryAsync<TableEntity>(select: ["PartitionKey"])) left.Add(row.PartitionKey);
        Assert.Equal(
            new[] { recentRun, recentRun, ReminderLedger.Partition(2025), ReminderLedger.Run(today) }.Order(StringComparer.Ordinal),
            left.Order(StringComparer.Ordinal));
        Assert.Equal(DeliveryClaim.Done, await ledger.ClaimAsync(recentRun, "recent1", default)); // a redelivered batch still sends nothing
        Assert.Equal("finance|x|0", (await reminders.RemindedAsync(new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1))).Single());

        Assert.Equal(0, (await Jobs.Retention(_storage, clock).RunAsync()).LedgerRowsDeleted);
    }

    [Fact]
    public async Task Two_runs_at_once_delete_each_old_row_once_and_neither_fails()
    {
        await _storage.EnsureCreatedAsync();
        var clock = new FakeTimeProvider(Now);
        var ledger = new DeliveryLedger(_storage, clock);
        foreach (var days in new[] { 450, 420 })
        {
            var run = SendTopicAlerts.RunKey(Now.AddDays(-days));
            var keys = Enumerable.Range(0, 230).Select(i => $"r{days}-{i:D4}").ToList();
            await ledger.ClaimAsync(run, keys, default);
        }

        var runs = await Task.WhenAll(Jobs.Retention(_storage, clock).RunAsync(), Jobs.Retention(_storage, clock).RunAsync());

        Assert.Equal(460, runs.Sum(r => r.LedgerRowsDeleted));
        Assert.Empty(await Deliveries.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task Batch_payloads_with_addresses_and_links_go_after_28_days_and_not_before()
    {
        await _storage.EnsureCreatedAsync();
        var batches = new EmailBatches(_storage);
        var recipient = new BatchRecipient("zhang@example.com", "key0", "alerts-x-key0",
            new RecipientLinks("https://example.com/manage?t=a", "https://example.com/unsubscribe?t=b", "https://example.com/one-click?t=c"));
        await batches.EnqueueAsync(new EmailBatch("alerts-x", "subject", "<p>html</p>", "text", new Dictionary<string, string>(), [recipient]));
        var created = DateTimeOffset.UtcNow; // the blob's creation time is the emulator's clock, not a fake one
        var payloads = _storage.Container(_storage.Names.EmailBatches);

        var early = await Jobs.Retention(_storage, new FakeTimeProvider(created.AddDays(27))).RunAsync();
        Assert.Equal(0, early.BatchPayloadsDeleted);
        Assert.Single(await payloads.GetBlobsAsync().ToListAsync());

        var late = await Jobs.Retention(_storage, new FakeTimeProvider(created.AddDays(29))).RunAsync();
        Assert.Equal(1, late.BatchPayloadsDeleted);
        Assert.Empty(await payloads.GetBlobsAsync().ToListAsync());
    }
}
