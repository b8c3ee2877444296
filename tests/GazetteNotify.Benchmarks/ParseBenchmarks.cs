using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using GazetteNotify.Parsing;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Parse throughput and allocations per issue. Targets (issue 3): ≥ 30 MB/s on one core (the 185 KB issue in ≤ 6 ms)
/// and &lt; 10 bytes allocated per input byte; the extra columns report both directly.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>
    /// The three Liaocheng issues, and three single documents of other cities (issue 17) that take the paths a gazette
    /// does not: a traditional-character copy (converted by ICU), a text flattened onto one line, and a web page with
    /// its information table.
    /// </summary>
    [Params(
        "samples/liaocheng-2018-07.txt", "samples/liaocheng-2019-08.txt", "samples/liaocheng-2022-06.txt",
        "corpus/hb-wuhan-2020-zhengfu-gongzuo-baogao-zeren-fenjie-tongzhi-traditional.txt",
        "corpus/ha-henan-2023-zhengfu-gongzuo-baogao-zhongdian-gongzuo-zeren-danwei.txt",
        "corpus/ah-bozhou-2025-zhengfu-gongzuo-baogao-fenjie.txt")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, Sample));

    [Benchmark]
    public int Parse() => GazetteParser.Parse(_bytes).Issue?.Documents.Count ?? -1;

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new InputColumn("Input KB", size => $"{size / 1024.0:0.0}"));
            AddColumn(new ThroughputColumn());
            AddColumn(new AllocationRatioColumn());
        }
    }

    private static long SizeOf(BenchmarkCase benchmark)
    {
        var sample = (string)benchmark.Parameters["Sample"];
        return new FileInfo(Path.Combine(AppContext.BaseDirectory, sample)).Length;
    }

    private sealed class InputColumn(string name, Func<long, string> format) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Size;
        public string Legend => "Size of the sample issue";
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => format(SizeOf(benchmarkCase));
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 1;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Input megabytes (10^6 bytes) parsed per second, from the mean";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            return $"{SizeOf(benchmarkCase) / 1e6 / (stats.Mean / 1e9):0.0}";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class AllocationRatioColumn : IColumn
    {
        public string Id => "AllocPerByte";
        public string ColumnName => "Alloc B/input B";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 2;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Bytes allocated per byte of input";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return allocated is null ? "-" : $"{allocated.Value / (double)SizeOf(benchmarkCase):0.00}";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
