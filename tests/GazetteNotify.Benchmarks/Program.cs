using BenchmarkDotNet.Running;
using GazetteNotify.Benchmarks;

// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*'   (BenchmarkDotNet, authoritative)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --stages       (quick per-stage breakdown)
// dotnet-trace collect -- tests/GazetteNotify.Benchmarks/bin/Release/net10.0/GazetteNotify.Benchmarks --parse-loop 2000
//                                                                                  (a process that only parses, to sample)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --ingest       (end to end against Azurite)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --alerts       (100,000 subscribers: plan and render)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --reminders    (10,000 limits × 300 departments: a day's plan)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --search-build (10,000 documents: index build time and size)
// Load (issue 9), against Azurite (bash scripts/start-azurite.sh), each in storage of its own that is removed afterwards:
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-alerts [subscribers]  (100,000 × 10 issues, through the queue to a SendGrid fake)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-reminders [limits] [days]  (300 departments, a year of daily runs)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-ingest                (50 issues back to back)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-retention [rows]      (a year-old city-scale run cleaned up)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-cleanup PREFIX    (removes what a stopped load run left)
if (args.Length > 0 && args[0] == "--search-build")
{
    SearchBenchmark.RunBuild();
    return;
}

if (args.Length > 1 && args[0] == "--load-cleanup")
{
    await using var stale = LoadStorage.Open(args[1]);
    return;
}

if (args.Length > 0 && args[0] == "--load-alerts")
{
    await LoadAlertsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args.Length > 0 && args[0] == "--load-reminders")
{
    int Arg(int at, int otherwise) => args.Length > at ? int.Parse(args[at], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
    await LoadRemindersBenchmark.RunAsync(limits: Arg(1, 10_000), days: Arg(2, 365));
    return;
}

if (args.Length > 0 && args[0] == "--load-ingest")
{
    await LoadIngestBenchmark.RunAsync();
    return;
}

if (args.Length > 0 && args[0] == "--load-retention")
{
    await LoadRetentionBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args.Length > 0 && args[0] == "--reminders")
{
    RemindersBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "--alerts")
{
    AlertsBenchmark.Run();
    return;
}

if (args.Length > 0 && args[0] == "--ingest")
{
    await IngestBenchmark.RunAsync();
    return;
}

if (args.Length > 0 && args[0] == "--stages")
{
    foreach (var sample in new[] { "liaocheng-2018-07.txt", "liaocheng-2019-08.txt", "liaocheng-2022-06.txt" }) StageProfile.Run(sample);
    return;
}

if (args.Length > 0 && args[0] == "--parse-loop")
{
    // A process that only parses, for a sampling profiler (dotnet-trace collect -- …): the samples, round after round.
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    List<string> samples = ["liaocheng-2018-07.txt", "liaocheng-2019-08.txt", "liaocheng-2022-06.txt"];
    var bytes = samples.ConvertAll(s => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", s)));
    for (var i = 0; i < rounds; i++) foreach (var b in bytes) GazetteNotify.Parsing.GazetteParser.Parse(b);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
