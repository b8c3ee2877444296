using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.VectorHighlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace GazetteNotify.Search;

/// <summary>
/// The archive's full-text index (Lucene.Net, Chinese segmented by SmartCn). A rebuild writes a whole new index into a
/// folder of its own (or RAM when no folder is given) while queries go on reading the current one; then one reference
/// swap makes the new one current (<see cref="IndexGeneration"/>). Queries never wait for a build, except the very
/// first ones, which have nothing to read yet.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Thread-safe: Lucene analyzers keep their token streams per thread.</summary>
    public static Analyzer Analyzer { get; } = new SmartChineseAnalyzer(Version);

    /// <summary>Characters of a text snippet, and how many the highlighter shows at most.</summary>
    private const int SnippetChars = 80;

    private const int SnippetFragments = 2;

    private static readonly char[] Boundaries = ['。', '，', '；', '：', '！', '？', '、', '\n', ' ', '.', ',', ';'];

    private readonly string? _root;
    private IndexGeneration? _current;

    /// <param name="root">Where generations are written, a folder of this index alone; null keeps them in RAM.</param>
    public SearchIndex(string? root) => _root = root;

    /// <summary>
    /// An index in the host's local temp (Azure: the instance's local disk), in a folder of its own named after the
    /// process; folders a process that no longer runs left behind (a crash, a recycled instance) are removed.
    /// </summary>
    public static SearchIndex InTemp()
    {
        var parent = Path.Combine(Path.GetTempPath(), "gazette-search");
        if (System.IO.Directory.Exists(parent))
        {
            foreach (var stale in System.IO.Directory.EnumerateDirectories(parent))
            {
                var name = Path.GetFileName(stale);
                var dash = name.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Running(pid)) continue;
                try { System.IO.Directory.Delete(stale, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }

        return new SearchIndex(Path.Combine(parent, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"));
    }

    private static bool Running(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The archive version the current index was built from; null before the first build.</summary>
    public string? BuiltFrom => Volatile.Read(ref _current)?.Version;

    public int Documents => Volatile.Read(ref _current)?.Documents ?? 0;

    public SearchChoices Choices => Volatile.Read(ref _current)?.Choices ?? SearchChoices.None;

    public bool IsBuilt => Volatile.Read(ref _current) is not null;

    /// <summary>Builds an index of <paramref name="documents"/> beside the current one, then makes it current.</summary>
    public void Replace(IReadOnlyCollection<SearchDocument> documents, string version)
    {
        string? folder = _root is null ? null : Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Lucene.Net.Store.Directory directory = folder is null ? new RAMDirectory() : FSDirectory.Open(folder);
        var count = 0;
        try
        {
            var config = new IndexWriterConfig(Version, Analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 48 };
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var d in documents)
                {
                    writer.AddDocument(SearchFields.ToLucene(d));
                    count++;
                }

                // Fewer segments, faster queries: the index is read many times for each time it is written.
                writer.ForceMerge(1);
                writer.Commit();
            }
        }
        catch
        {
            directory.Dispose();
            if (folder is not null && System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
            throw;
        }

        var old = Interlocked.Exchange(ref _current, new IndexGeneration(directory, folder, version, count, SearchChoices.Of(documents)));
        old?.Release();
    }

    public SearchResults Search(SearchQuery query, DateOnly today)
    {
        if (SearchQueryBuilder.Build(query, Analyzer, today) is not { } lucene) return SearchResults.None;
        var generation = Acquire();
        if (generation is null) return SearchResults.None;
        try
        {
            return Run(generation, query, lucene, today);
        }
        finally
        {
            generation.Release();
        }
    }

    private IndexGeneration? Acquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current is null) return null;
            if (current.TryAcquire()) return current;
        }
    }

    private static SearchResults Run(IndexGeneration generation, SearchQuery query, Query lucene, DateOnly today)
    {
        var newest = new SortField(SearchFields.SignedOn, SortFieldType.INT64, true);
        // Words rank by relevance (ties: newest first); a listing by filters alone is newest first.
        var sort = query.Words.Length > 0 ? new Sort(SortField.FIELD_SCORE, newest) : new Sort(newest, SortField.FIELD_DOC);
        var take = query.Page * SearchQuery.PageSize;
        var top = generation.Searcher.Search(lucene, null, take, sort, doDocScores: false, doMaxScore: false);
        var hits = new List<SearchHit>();
        var highlighter = new FastVectorHighlighter(phraseHighlight: true, fieldMatch: true);
        var fieldQuery = highlighter.GetFieldQuery(lucene, generation.Reader);
        string[] pre = [SearchFields.MarkStart.ToString()], post = [SearchFields.MarkEnd.ToString()];
        var scanner = new SimpleBoundaryScanner(10, Boundaries);
        var encoder = new Lucene.Net.Search.Highlight.DefaultEncoder();
        // A page past the last (a stale link, a hand-typed number) shows the last one: every result was collected already.
        var page = query.Page;
        if ((page - 1) * SearchQuery.PageSize >= top.TotalHits && top.TotalHits > 0) page = (top.TotalHits - 1) / SearchQuery.PageSize + 1;
        for (var i = (page - 1) * SearchQuery.PageSize; i < top.ScoreDocs.Length; i++)
        {
            var id = top.ScoreDocs[i].Doc;
            var doc = generation.Searcher.Doc(id);
            var title = doc.Get(SearchFields.Title, CultureInfo.InvariantCulture) ?? "";
            var markedTitle = highlighter.GetBestFragments(fieldQuery, generation.Reader, id, SearchFields.Title, Math.Max(title.Length + 1, 18), 1,
                new SingleFragListBuilder(), new SimpleFragmentsBuilder(pre, post, scanner), pre, post, encoder);
            var snippet = highlighter.GetBestFragments(fieldQuery, generation.Reader, id, SearchFields.Text, SnippetChars, SnippetFragments,
                new SimpleFragListBuilder(), new ScoreOrderFragmentsBuilder(pre, post, scanner), pre, post, encoder);
            var until = doc.GetField(SearchFields.Until)?.GetInt32Value();
            hits.Add(new SearchHit(
                doc.Get(SearchFields.IssueKey, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.DocKey, CultureInfo.InvariantCulture),
                markedTitle is [{ } t, ..] ? Snippets.Parts(t) : [new SnippetPart(title, false)],
                doc.Get(SearchFields.DocNumberShown, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Issuer, CultureInfo.InvariantCulture),
                SearchFields.FromDayNumber(doc.GetField(SearchFields.SignedShown)?.GetInt32Value()),
                doc.Get(SearchFields.Kind, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Repealed, CultureInfo.InvariantCulture) != "1" && (until ?? SearchFields.Forever) >= SearchFields.DayNumber(today),
                snippet is { Length: > 0 } ? Snippets.Join(snippet) : Snippets.Opening(doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture), doc.Get(SearchFields.Text, CultureInfo.InvariantCulture), SnippetChars)));
        }

        return new SearchResults(top.TotalHits, page, hits);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _current, null)?.Release();
        if (_root is null || !System.IO.Directory.Exists(_root)) return;
        try { System.IO.Directory.Delete(_root); } // empty unless a query still holds the last generation
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
