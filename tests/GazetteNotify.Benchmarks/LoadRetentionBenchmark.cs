using System.Diagnostics;
using Azure.Data.Tables;
using GazetteNotify.Alerts;
using GazetteNotify.Reminders;
using GazetteNotify.Retention;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// The daily clean-up the day a year-old city-scale alerts run falls due: 100,000 ledger rows of one alerts run (what
/// --load-alerts leaves), a year of daily reminder claims for 300 departments, and 8,214 batch payloads (the batches of
/// that run) — deleted by ApplyRetention, then a second run that must find nothing. Rows are written as the ledgers
/// write them, in transactions of 100, and not timed.
/// Run: bash scripts/start-azurite.sh; dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-retention [rows]
/// </summary>
internal static class LoadRetentionBenchmark
{
    public static async Task RunAsync(int rows = 100_000, int payloads = 8_214, int departments = 300)
    {
        await using var load = await LoadStorage.CreateAsync();
        var storage = load.Storage;
        var written = DateTimeOffset.UtcNow; // payload blobs carry the emulator's clock
        var clock = new FakeTimeProvider(written.AddDays(401));
        var runAt = written.AddDays(-1);
        Console.WriteLine($"load-retention: {rows:N0} ledger rows, {departments} departments × 365 day claims, {payloads:N0} payloads, {load.Where}");

        var watch = Stopwatch.StartNew();
        var run = SendTopicAlerts.RunKey(runAt);
        await load.WriteAsync(storage.Names.DeliveriesTable, Enumerable.Range(0, rows).Select(i =>
            new TableEntity(run, $"{i:x32}") { ["Status"] = "sent", ["Attempts"] = 1, ["StartedAt"] = runAt, ["CompletedAt"] = runAt, ["MessageId"] = "m" + i }));
        var firstDay = DateOnly.FromDateTime(runAt.UtcDateTime).AddDays(-364);
        await load.WriteAsync(storage.Names.DeliveriesTable, Enumerable.Range(0, 365).SelectMany(d => Enumerable.Range(0, departments).Select(k =>
            new TableEntity(ReminderLedger.Run(firstDay.AddDays(d)), $"dept-{k}") { ["Status"] = "done", ["Items"] = 2 })));
        var container = storage.Container(storage.Names.EmailBatches);
        var payload = new BinaryData(new string('x', 2_000));
        await Parallel.ForEachAsync(Enumerable.Range(0, payloads), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await container.GetBlobClient($"{run}/{i:x32}.json").UploadAsync(payload, token));
        var kept = SendTopicAlerts.RunKey(clock.GetUtcNow().AddDays(-1)); // yesterday's run: must stay
        await storage.Table(storage.Names.DeliveriesTable).AddEntityAsync(new TableEntity(kept, "recent") { ["Status"] = "sent" });
        Console.WriteLine($"  seed: {watch.Elapsed.TotalSeconds:0.0} s");

        load.Counter.Reset();
        RetentionRun first;
        string memory;
        watch.Restart();
        await using (var sampler = new WorkingSetSampler())
        {
            first = await new ApplyRetention(storage, new Subscriptions.SubscriberStore(storage, clock), clock).RunAsync();
            watch.Stop();
            memory = sampler.Describe();
        }

        var expectedRows = rows + 365 * departments;
        Console.WriteLine($"  retention: {watch.Elapsed.TotalSeconds:0.0} s, {load.Counter.Count:N0} storage round trips, {memory}; {first.Describe()}");
        load.Counter.Reset();
        watch.Restart();
        var second = await new ApplyRetention(storage, new Subscriptions.SubscriberStore(storage, clock), clock).RunAsync();
        Console.WriteLine($"  again: {watch.Elapsed.TotalSeconds:0.00} s, {load.Counter.Count:N0} round trips; {second.Describe()}");

        var left = new List<string>();
        await foreach (var row in storage.Table(storage.Names.DeliveriesTable).QueryAsync<TableEntity>(select: ["PartitionKey"])) left.Add(row.PartitionKey);
        var blobsLeft = 0;
        await foreach (var _ in container.GetBlobsAsync()) blobsLeft++;
        LoadCheck.Report($"every old ledger row deleted ({expectedRows:N0}), yesterday's run kept", first.LedgerRowsDeleted == expectedRows && left.SequenceEqual([kept]));
        LoadCheck.Report($"every payload older than 28 days deleted ({payloads:N0})", first.BatchPayloadsDeleted == payloads && blobsLeft == 0);
        LoadCheck.Report("a second run deletes nothing", second.LedgerRowsDeleted == 0 && second.BatchPayloadsDeleted == 0);
    }
}
