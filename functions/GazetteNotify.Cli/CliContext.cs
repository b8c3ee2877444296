using GazetteNotify.Storage;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Cli;

/// <summary>What every command needs: where to write, and the storage it talks to (from configuration).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<GazetteStorage> storage)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    private GazetteStorage? _storage;

    /// <summary>Created on first use, so `gazette parse` never needs storage settings.</summary>
    public GazetteStorage Storage => _storage ??= storage();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Storage from the environment (GazetteStorage, GazetteStorage__accountName), Azurite by default.</summary>
    public static GazetteStorage StorageFromEnvironment()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return new GazetteStorage(StorageSettings.From(configuration), new StorageNames(), StorageClientTuning.Interactive);
    }

    /// <summary>Exit code when storage cannot be reached.</summary>
    public const int StorageUnreachableExitCode = 3;

    /// <summary>Runs a storage command; an unreachable account is one clear line, never a stack trace.</summary>
    public async Task<int> WithStorageAsync(Func<GazetteStorage, Task<int>> run)
    {
        try
        {
            return await run(Storage);
        }
        catch (StorageUnreachableException e)
        {
            await Error.WriteLineAsync($"gazette: {e.Message}");
            return StorageUnreachableExitCode;
        }
        catch (Exception e) when (StorageUnreachableException.IsConnectionFailure(e))
        {
            await Error.WriteLineAsync($"gazette: {StorageUnreachableException.For(Storage.Settings, "blob/table", e).Message}");
            return StorageUnreachableExitCode;
        }
        catch (Azure.RequestFailedException e)
        {
            await Error.WriteLineAsync($"gazette: storage refused the request ({e.Status} {e.ErrorCode})");
            return 1;
        }
    }
}
