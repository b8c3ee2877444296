using System.Diagnostics;
using System.Text;
using GazetteNotify.Parsing.Body;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Masthead;
using GazetteNotify.Parsing.Summary;
using GazetteNotify.Parsing.Tasks;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing.Toc;
using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Validity;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// A quick per-stage breakdown (Stopwatch, many repetitions) to see where parse time goes; BenchmarkDotNet gives the
/// authoritative whole-parse figures. Run: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --stages
/// </summary>
internal static class StageProfile
{
    public static void Run(string sample, int repetitions = 200)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        var text = Encoding.UTF8.GetString(bytes);
        var lines = LineNormalizer.Normalize(text);
        var warnings = new List<string>();
        var toc = TocParser.Parse(lines);
        var located = DocumentLocator.Locate(lines, toc, warnings);
        var texts = ContinuationStitcher.Stitch(lines, located, warnings);
        var paragraphs = new List<string>();
        foreach (var t in texts) paragraphs.AddRange(ParagraphBuilder.Build(t, 0, []).Select(p => p.Text));
        var all = string.Join('\n', paragraphs);
        var anchor = new DateOnly(2022, 6, 6);

        Console.WriteLine($"{sample}: {bytes.Length / 1024.0:0.0} KB, {lines.Length} lines, {paragraphs.Count} paragraphs");
        Time("decode", repetitions, () => IssueTextDecoder.Decode(bytes));
        Time("normalize lines", repetitions, () => LineNormalizer.Normalize(text));
        Time("scripts, breaks", repetitions, () => { TraditionalScript.IsTraditional(lines); FlattenedLines.Restore(lines); });
        Time("toc + masthead", repetitions, () => MastheadParser.Parse(lines, TocParser.Parse(lines).HeadingLine, []));
        Time("locate", repetitions, () => DocumentLocator.Locate(lines, toc, []));
        Time("stitch", repetitions, () => ContinuationStitcher.Stitch(lines, DocumentLocator.Locate(lines, toc, []), []));
        Time("paragraphs", repetitions, () => { foreach (var t in texts) ParagraphBuilder.Build(t, 0, []); });
        Time("clauses", repetitions, () => { foreach (var p in paragraphs) ResponsibilityClauseFinder.FindAll(p); });
        // As TaskAssembler reads tables: rows flattened with '|', spaces or one cell per line given tabs first.
        Time("tables: piped", repetitions, () => { foreach (var t in texts) PipedTables.Tabify([.. t]); });
        Time("tables: spaced", repetitions, () => { foreach (var t in texts) SpacedTables.Tabify([.. t]); });
        Time("tables: stacked", repetitions, () => { foreach (var t in texts) StackedTables.Tabify([.. t]); });
        Time("tables: rows", repetitions, () => { foreach (var t in texts) ResponsibilityTableReader.FindRows(t); });
        Time("deadlines", repetitions, () => { foreach (var p in paragraphs) DeadlineFinder.FindAll(p, anchor); });
        Time("summary", repetitions, () => SummaryBuilder.Build(paragraphs));
        Time("validity+refs", repetitions, () => { ValidityFinder.FindEffective(all, anchor); ValidityFinder.FindRepeals(all, null); ReferenceFinder.FindAll(all, null); });
        Time("whole parse", repetitions, () => GazetteNotify.Parsing.GazetteParser.Parse(bytes));
    }

    private static void Time(string name, int repetitions, Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++) action();
        watch.Stop();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / repetitions;
        Console.WriteLine($"  {name,-16} {watch.Elapsed.TotalMilliseconds / repetitions,8:0.000} ms  {allocated / 1024.0,9:0.0} KB");
    }
}
