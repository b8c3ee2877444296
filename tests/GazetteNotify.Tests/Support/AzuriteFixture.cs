using System.Diagnostics;
using System.Net.Sockets;
using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// A real Azurite for the storage tests: used as it is when something already listens on 10000–10002, otherwise
/// started here from the repo's node_modules (installed with `npm ci` if missing) and stopped at the end.
/// </summary>
public sealed class AzuriteFixture : IDisposable
{
    private static readonly int[] Ports = [10000, 10001, 10002];
    private readonly Process? _started;

    public AzuriteFixture()
    {
        if (Ports.All(Listening)) return;
        var root = RepoRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) Run("npm", "ci --no-audit --no-fund", root, TimeSpan.FromMinutes(5));
        var info = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--blobHost", "127.0.0.1", "--blobPort", "10000",
                     "--queueHost", "127.0.0.1", "--queuePort", "10001", "--tableHost", "127.0.0.1", "--tablePort", "10002" })
        {
            info.ArgumentList.Add(arg);
        }

        _started = Process.Start(info) ?? throw new InvalidOperationException("could not start Azurite");
        _started.OutputDataReceived += (_, _) => { };
        _started.ErrorDataReceived += (_, _) => { };
        _started.BeginOutputReadLine();
        _started.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Ports.All(Listening))
        {
            if (_started.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("Azurite did not start listening on 10000-10002");
            Thread.Sleep(200);
        }
    }

    /// <summary>A storage of its own for one test class: every container and table name carries a fresh prefix.</summary>
    public static GazetteStorage NewStorage(StorageClientTuning? tuning = null) =>
        new(StorageSettings.Development, new StorageNames("t" + Guid.NewGuid().ToString("N")[..10]), tuning ?? StorageClientTuning.Interactive);

    public void Dispose()
    {
        if (_started is null || _started.HasExited) return;
        _started.Kill(entireProcessTree: true);
        _started.WaitForExit(5000);
        _started.Dispose();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
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

    private static void Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })
                            ?? throw new InvalidOperationException($"could not run {file}");
        if (!process.WaitForExit(timeout) || process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
