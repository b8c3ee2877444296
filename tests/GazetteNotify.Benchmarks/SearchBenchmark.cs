using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using GazetteNotify.Parsing;
using GazetteNotify.Search;
using GazetteNotify.Topics;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Queries against a city's archive: an index of 10,000 documents (on disk, as the hosts keep it) synthesised from the
/// three samples and the test corpus — each document a real one's title, issuer and text, with another number, date
/// and a mix of two real texts, so words are as frequent as in real documents and no two documents are alike. Each
/// query is the first page of ten, highlighted, as the search page asks it. Target: ≤ 50 ms a query.
/// Run: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*SearchBenchmark*'
/// Build time and size: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --search-build
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SearchBenchmark
{
    public const int Documents = 10_000;
    private static readonly DateOnly Today = new(2025, 1, 1);

    /// <summary>
    /// Built once per process: the benchmarks run in process (<see cref="InProcessAttribute"/>), so a build of about a
    /// minute and a half is not repeated for each of them. Removed when the process ends.
    /// </summary>
    private static readonly Lazy<SearchIndex> Shared = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("gazette-search-bench-").FullName;
        var index = new SearchIndex(root);
        index.Replace(Synthesise(Documents), "bench");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            index.Dispose();
            Directory.Delete(root, recursive: true);
        };
        return index;
    });

    private SearchIndex _index = null!;

    [GlobalSetup]
    public void SetUp() => _index = Shared.Value;

    private SearchResults Run(string? q = null, string? number = null, string? issuer = null, string? topic = null, string? year = null, string? kind = null,
        bool inForce = false, int page = 1) =>
        _index.Search(SearchQuery.From(q, number, issuer, topic, year, kind, inForce ? "1" : null, page.ToString(CultureInfo.InvariantCulture)), Today);

    /// <summary>A word of a title (a few hundred documents hold it).</summary>
    [Benchmark(Baseline = true)]
    public SearchResults Word() => Run("居住证");

    /// <summary>The commonest kind of word: thousands of documents, all scored and the best ten highlighted.</summary>
    [Benchmark]
    public SearchResults CommonWord() => Run("工作");

    [Benchmark]
    public SearchResults ThreeWords() => Run("优化营商环境 企业");

    [Benchmark]
    public SearchResults DocNumberPrefix() => Run(number: "聊政办字〔2019〕");

    [Benchmark]
    public SearchResults WordWithFilters() => Run("管理", year: "2019", inForce: true, issuer: "聊城市人民政府办公室");

    [Benchmark]
    public SearchResults FiltersOnly() => Run(topic: "economy", inForce: true);

    [Benchmark]
    public SearchResults DeepPage() => Run("工作", page: 50);

    [Benchmark]
    public SearchResults LongHostileQuery() => Run(string.Concat(Enumerable.Repeat("居住证 AND *:* \"营商~2", 40)));

    /// <summary>
    /// <paramref name="count"/> documents from the real ones: the k-th takes real document k's title, issuer, genre and
    /// topics, the text of document k followed by that of document k·7+3 (so texts differ), a number and a signing day of
    /// its own spread over 2000–2024, and a limit of validity on every fifth one, a repeal on every twentieth.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Synthesise(int count)
    {
        var real = new List<(Parsing.Model.GazetteDocument Doc, string Text)>();
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.txt")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var parsed = GazetteParser.Parse(File.ReadAllBytes(file));
            if (parsed.Issue is not { } issue) continue;
            issue = TopicClassifier.Default.ClassifyAll(issue, parsed.DocumentTexts);
            real.AddRange(issue.Documents.Select((d, i) => (d, parsed.DocumentTexts[i])));
        }

        var prefixes = new[] { "聊政发", "聊政办发", "聊政办字", "聊政字" };
        return Enumerable.Range(0, count).Select(k =>
        {
            var (doc, text) = real[k % real.Count];
            var (_, other) = real[(k * 7 + 3) % real.Count];
            var year = 2000 + k % 25;
            var signed = new DateOnly(year, 1 + k % 12, 1 + k % 28);
            return new SearchDocument(
                $"{year}-{k / 25 % 24 + 1:00}", (k % 100 + 1).ToString("00", CultureInfo.InvariantCulture),
                doc.Title, $"{prefixes[k % prefixes.Length]}〔{year}〕{k % 400 + 1}号", doc.Issuer, signed, doc.Kind, doc.Topics, doc.Summary,
                k % 5 == 0 ? signed.AddYears(3) : null, k % 20 == 0, text + "\n" + other);
        }).ToList();
    }

    /// <summary>--search-build: how long 10,000 documents take to index, and what the index weighs on disk and in memory.</summary>
    public static void RunBuild()
    {
        var documents = Synthesise(Documents);
        var chars = documents.Sum(d => (long)d.Text.Length + d.Title.Length);
        var root = Directory.CreateTempSubdirectory("gazette-search-bench-").FullName;
        try
        {
            using var index = new SearchIndex(root);
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            index.Replace(documents, "bench");
            watch.Stop();
            var bytes = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var after = GC.GetTotalMemory(true);
            Console.WriteLine($"{documents.Count:N0} documents, {chars / 1_000_000.0:F1} million characters of text");
            Console.WriteLine($"built in {watch.Elapsed.TotalSeconds:F1} s; index on disk {bytes / 1_048_576.0:F1} MB; managed heap held after build {(after - before) / 1_048_576.0:F1} MB");
            var probe = Stopwatch.StartNew();
            var hits = index.Search(SearchQuery.From("居住证", null, null, null, null, null, null, null), Today);
            Console.WriteLine($"first query (cold): {probe.Elapsed.TotalMilliseconds:F1} ms, {hits.Total} hits");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
