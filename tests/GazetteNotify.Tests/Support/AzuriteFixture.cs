using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Support;

/// <summary>A real Azurite for the storage tests (Blob 10000, Queue 10001, Table 10002, in memory).</summary>
public sealed class AzuriteFixture : IDisposable
{
    // One Azurite for the whole run, whichever collections use it (they run in parallel): started by the first fixture,
    // stopped when the last one is disposed — never under a collection that is still running.
    private static readonly Lock Gate = new();
    private static LocalService? _azurite;
    private static int _users;

    public AzuriteFixture()
    {
        lock (Gate)
        {
            _azurite ??= LocalService.Ensure("azurite",
                ["--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--blobHost", "127.0.0.1", "--blobPort", "10000",
                 "--queueHost", "127.0.0.1", "--queuePort", "10001", "--tableHost", "127.0.0.1", "--tablePort", "10002"],
                10000, 10001, 10002);
            _users++;
        }
    }

    /// <summary>A storage of its own for one test class: every container and table name carries a fresh prefix.</summary>
    public static GazetteStorage NewStorage(StorageClientTuning? tuning = null) =>
        new(StorageSettings.Development, new StorageNames("t" + Guid.NewGuid().ToString("N")[..10]), tuning ?? Patient);

    /// <summary>Tests share one Azurite on two busy cores: a request may wait; a few retries and 30 s before it counts as down.</summary>
    public static readonly StorageClientTuning Patient = new(3, TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        lock (Gate)
        {
            if (--_users > 0) return;
            _azurite?.Dispose();
            _azurite = null;
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "GazetteNotify.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("repo root (package.json + GazetteNotify.sln) not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
