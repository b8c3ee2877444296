using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
