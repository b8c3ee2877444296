using BenchmarkDotNet.Running;
using GazetteNotify.Benchmarks;

// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*'   (BenchmarkDotNet, authoritative)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --stages       (quick per-stage breakdown)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --ingest       (end to end against Azurite)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --alerts       (100,000 subscribers: plan and render)
// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --reminders    (10,000 limits × 300 departments: a day's plan)
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

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
