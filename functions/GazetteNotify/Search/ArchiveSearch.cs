namespace GazetteNotify.Search;

/// <summary>
/// The archive search both hosts serve: queries read the current index; the index follows the archive by itself. The
/// first queries wait for the first build (there is nothing older to read) up to <see cref="FirstBuildWait"/>, then are
/// told to come back while it goes on; after that a query that finds the last check older than
/// <see cref="CheckEvery"/> starts a check in the background — the Issues partition's version against the one the index
/// was built from — and a changed archive (an ingest, a re-upload) is rebuilt beside the current index and swapped in,
/// while queries go on. Each host instance keeps its own index, so this works the same on one machine and on many.
/// </summary>
public sealed class ArchiveSearch(ArchiveSource source, SearchIndex index, TimeProvider clock) : IDisposable
{
    /// <summary>How stale an index may get after an ingest: one read of the Issues partition per interval, no more.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _building = new(1, 1);
    private long _lastCheck = long.MinValue;
    private int _checking;

    public SearchIndex Index => index;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return SearchResults.None;
        if (!index.IsBuilt) await FirstBuildAsync(cancellationToken);
        else if (CheckIsDue()) StartBackgroundCheck();
        return index.Search(query, Time.ChinaTime.Day(clock.GetUtcNow()));
    }

    /// <summary>
    /// How long a query waits for the first build before it is told to come back: a city's whole archive takes a minute
    /// or more to index (docs/performance.md), longer than anyone waits for a page.
    /// </summary>
    public static readonly TimeSpan FirstBuildWait = TimeSpan.FromSeconds(10);

    private Task? _firstBuild;

    /// <summary>The first build, shared by every query that arrives before it is done; it goes on when they stop waiting.</summary>
    private async Task FirstBuildAsync(CancellationToken cancellationToken)
    {
        var build = Volatile.Read(ref _firstBuild);
        if (build is null || build.IsFaulted || build.IsCanceled)
        {
            var fresh = Task.Run(() => RefreshAsync(CancellationToken.None));
            build = Interlocked.CompareExchange(ref _firstBuild, fresh, build) == build ? fresh : Volatile.Read(ref _firstBuild)!;
        }

        try
        {
            await build.WaitAsync(FirstBuildWait, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new SearchIndexNotReadyException();
        }
    }

    /// <summary>Rebuilds when the archive changed since the current index was built; returns whether it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Exchange(ref _lastCheck, clock.GetTimestamp());
            if (index.IsBuilt && await source.VersionAsync(cancellationToken) == index.BuiltFrom) return false;
            var (version, documents) = await source.LoadAsync(cancellationToken);
            index.Replace(documents, version);
            return true;
        }
        finally
        {
            _building.Release();
        }
    }

    private bool CheckIsDue()
    {
        var last = Interlocked.Read(ref _lastCheck);
        return last == long.MinValue || clock.GetElapsedTime(last) > CheckEvery;
    }

    private void StartBackgroundCheck()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Storage unreachable for a moment: the current index keeps serving; the next interval tries again.
            }
            finally
            {
                Volatile.Write(ref _checking, 0);
            }
        });
    }

    public void Dispose() => _building.Dispose();
}
