using System.Diagnostics;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Issue 9, load: 50 distinct issues (variants of the samples) ingested back to back into one storage, as a backlog
/// uploaded at once would be. Unlike <c>--ingest</c> (one issue, fresh tables each run) the tables grow, so a cost
/// that rises with what is already stored would show in the later issues. Uploads are done first and not timed.
/// Run: bash scripts/start-azurite.sh; dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-ingest
/// </summary>
internal static class LoadIngestBenchmark
{
    public static async Task RunAsync(int issues = 50)
    {
        await using var load = await LoadStorage.CreateAsync();
        var storage = load.Storage;
        var blobs = new List<string>(issues);
        long bytes = 0;
        for (var k = 0; k < issues; k++)
        {
            var (name, content, _) = SampleVariants.Get(k);
            await storage.Issues.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
            blobs.Add(name);
            bytes += content.Length;
        }

        var job = new IngestIssue(storage, TimeProvider.System);
        var times = new List<double>(issues);
        var trips = new List<int>(issues);
        var rows = 0;
        var overBudget = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var sampler = new WorkingSetSampler();
        var total = Stopwatch.StartNew();
        foreach (var blob in blobs)
        {
            load.Counter.Reset();
            var watch = Stopwatch.StartNew();
            var outcome = await job.RunAsync(blob);
            watch.Stop();
            if (outcome.Status != IngestStatus.Ingested) throw new InvalidOperationException($"{blob}: {outcome.Status} {outcome.Reason}");
            if (!keys.Add(outcome.IssueKey!)) throw new InvalidOperationException($"{blob}: issue key {outcome.IssueKey} twice");
            times.Add(watch.Elapsed.TotalMilliseconds);
            trips.Add(load.Counter.Count);
            var issueRows = 1 + outcome.Documents + outcome.Tasks + outcome.Deadlines;
            if (load.Counter.Count > (issueRows + 99) / 100 + 10) overBudget.Add($"{outcome.IssueKey} ({load.Counter.Count} for {issueRows} rows)");
            if (Environment.GetEnvironmentVariable("LOAD_VERBOSE") is not null) Console.WriteLine($"    {blob}: {watch.Elapsed.TotalMilliseconds:0} ms, {load.Counter.Count} trips, {issueRows} rows ({outcome.Documents} docs, {outcome.Tasks} tasks, {outcome.Deadlines} deadlines)");
            rows += issueRows;
        }

        total.Stop();
        Console.WriteLine($"load-ingest: {issues} distinct issues ({bytes / 1024.0 / 1024.0:0.0} MB, {rows:N0} rows) back to back into one storage, {load.Where}");
        Console.WriteLine($"  total {total.Elapsed.TotalSeconds:0.00} s; per issue {Timings.Describe(times)}; first 10 average {times.Take(10).Average():0} ms, last 10 average {times.TakeLast(10).Average():0} ms");
        Console.WriteLine($"  storage round trips {trips.Sum():N0} in all, {trips.Min()}–{trips.Max()} per issue; {overBudget.Count} issues over ceil(rows/100) + 10{(overBudget.Count > 0 ? ", e.g. " + string.Join(", ", overBudget.Take(3)) : "")}");
        Console.WriteLine($"  during ingestion {sampler.Describe()}; {WorkingSetSampler.ProcessPeakMegabytes:0} MB for the process");
    }
}
