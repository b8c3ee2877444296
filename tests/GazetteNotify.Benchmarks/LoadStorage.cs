using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Storage of its own for one load run on the shared Azurite: a random prefix, so it never touches the unprefixed
/// names (or another run's), a counter of every storage request, and removal at the end — Azurite keeps everything in
/// memory, and 100,000 subscriber and ledger rows left behind would weigh on everyone else using it.
/// </summary>
internal sealed class LoadStorage : IAsyncDisposable
{
    private LoadStorage(GazetteStorage storage, RequestCounter counter)
    {
        Storage = storage;
        Counter = counter;
    }

    public GazetteStorage Storage { get; }

    /// <summary>Storage round trips since the last <see cref="RequestCounter.Reset"/>.</summary>
    public RequestCounter Counter { get; }

    /// <summary>A new prefix (printed by each mode, so that a run stopped half way can be removed with --load-cleanup).</summary>
    public static async Task<LoadStorage> CreateAsync()
    {
        var load = Open("ld" + Guid.NewGuid().ToString("N")[..10]);
        await load.Storage.EnsureCreatedAsync();
        return load;
    }

    /// <summary>
    /// Azurite on its usual ports, or the account a <c>GazetteStorage</c> connection string names (another Azurite, or
    /// a real storage account for figures without the emulator).
    /// </summary>
    public static StorageSettings Settings { get; } =
        Environment.GetEnvironmentVariable(StorageSettings.SettingName) is { Length: > 0 } connection ? new StorageSettings(connection, null, null) : StorageSettings.Development;

    /// <summary>Where the run writes, for its first line (the table endpoint; never the key).</summary>
    public string Where => (Storage.Settings.ConnectionString ?? "").Split(';').FirstOrDefault(p => p.StartsWith("TableEndpoint=", StringComparison.OrdinalIgnoreCase)) is { } table
        ? $"{table["TableEndpoint=".Length..]}, prefix {Storage.Names.Prefix}"
        : $"{Storage.Settings.Describe("table")}, prefix {Storage.Names.Prefix}";

    public static LoadStorage Open(string prefix)
    {
        // Only a load run's own prefix: an empty or foreign one would name storage other work is using.
        if (!System.Text.RegularExpressions.Regex.IsMatch(prefix, "^ld[0-9a-f]{10}$")) throw new ArgumentException($"not a load run's prefix: '{prefix}'", nameof(prefix));
        var counter = new RequestCounter();
        var storage = new GazetteStorage(Settings, new StorageNames(prefix), StorageClientTuning.Default with { PerCallPolicy = counter });
        return new LoadStorage(storage, counter);
    }

    /// <summary>Entity-group transactions of up to 100 rows of one partition, several partitions at a time.</summary>
    public async Task WriteAsync(string table, IEnumerable<ITableEntity> rows, int parallel = 8)
    {
        var client = Storage.Table(table);
        var chunks = rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(TableBatches.MaxBatch));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (chunk, token) =>
            await client.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token));
    }

    public async ValueTask DisposeAsync()
    {
        var names = Storage.Names;
        foreach (var table in names.Tables) await Storage.Table(table).DeleteAsync(); // no error when it is not there
        foreach (var container in names.Containers) await Storage.Container(container).DeleteIfExistsAsync();
        foreach (var queue in names.Queues) await Storage.Queue(queue).DeleteIfExistsAsync();
    }
}
