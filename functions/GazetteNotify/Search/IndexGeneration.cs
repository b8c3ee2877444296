using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GazetteNotify.Search;

/// <summary>
/// One built index: its directory, a reader and a searcher, counted by its users. The <see cref="SearchIndex"/> holds
/// one reference while the generation is current; each query holds one while it runs. When a newer generation replaces
/// it, the last query to finish closes the reader and deletes its folder — so a rebuild never pulls an index from under
/// a query, and old ones do not pile up on disk.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly LuceneDirectory _directory;
    private readonly string? _folder;
    private int _references = 1;

    public IndexGeneration(LuceneDirectory directory, string? folder, string version, int documents, SearchChoices choices)
    {
        _directory = directory;
        _folder = folder;
        Reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(Reader);
        Version = version;
        Documents = documents;
        Choices = choices;
    }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>What the archive was when this generation was built (<see cref="ArchiveSource.VersionAsync"/>).</summary>
    public string Version { get; }

    public int Documents { get; }

    public SearchChoices Choices { get; }

    /// <summary>False once the generation is closed: the caller takes the current one again.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _references);
            if (seen == 0) return false;
            if (Interlocked.CompareExchange(ref _references, seen + 1, seen) == seen) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        Reader.Dispose();
        _directory.Dispose();
        if (_folder is null) return;
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped (Windows) stays behind in temp; the next start's clean-up takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
