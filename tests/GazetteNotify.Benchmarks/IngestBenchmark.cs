using System.Diagnostics;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Ingests the largest sample end to end against Azurite (download, parse, blobs, batched rows, receipts), each run
/// into fresh containers and tables so it really writes; reports the median wall time after warm-up and the storage
/// round trips against the budget ceil(rows/100) + 10.
/// Run: bash scripts/start-azurite.sh; dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --ingest
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(int warmups = 5, int runs = 30)
    {
        const string sample = "liaocheng-2018-07.txt";
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        var times = new List<double>();
        var trips = new List<int>();
        var rows = 0;
        for (var i = 0; i < warmups + runs; i++)
        {
            var counter = new RequestCounter();
            var storage = new GazetteStorage(StorageSettings.Development, new StorageNames($"b{Guid.NewGuid():N}"[..11]),
                StorageClientTuning.Default with { PerCallPolicy = counter });
            await storage.EnsureCreatedAsync();
            await storage.Issues.GetBlobClient(sample).UploadAsync(new BinaryData(bytes), overwrite: true);
            counter.Reset();
            var job = new IngestIssue(storage, TimeProvider.System);

            var watch = Stopwatch.StartNew();
            var outcome = await job.RunAsync(sample);
            watch.Stop();

            if (outcome.Status != IngestStatus.Ingested) throw new InvalidOperationException($"run {i}: {outcome.Status}");
            rows = 1 + outcome.Documents + outcome.Tasks + outcome.Deadlines;
            if (i < warmups) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            trips.Add(counter.Count);
        }

        times.Sort();
        var budget = (int)Math.Ceiling(rows / 100.0) + 10;
        Console.WriteLine($"ingest {sample} ({bytes.Length / 1024.0:0.0} KB, {rows} rows) against Azurite, {runs} runs after {warmups} warm-up:");
        Console.WriteLine($"  wall ms: min {times[0]:0.0}  median {times[times.Count / 2]:0.0}  p90 {times[(int)(times.Count * 0.9)]:0.0}  max {times[^1]:0.0}");
        Console.WriteLine($"  round trips: {trips.Min()}–{trips.Max()} (budget ceil({rows}/100) + 10 = {budget})");
    }
}
