using System.Diagnostics;
using System.Net.Sockets;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// A local dependency the tests need (Azurite, maildev): used as it is when its ports already listen, otherwise
/// started from the repo's node_modules (installed with `npm ci` if missing) and stopped when disposed.
/// </summary>
public sealed class LocalService : IDisposable
{
    private readonly Process? _started;

    private LocalService(Process? started) => _started = started;

    public static LocalService Ensure(string tool, IReadOnlyList<string> arguments, params int[] ports)
    {
        if (ports.All(Listening)) return new LocalService(null);
        var root = AzuriteFixture.RepoRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", tool);
        if (!File.Exists(executable)) Run("npm", "ci --no-audit --no-fund", root, TimeSpan.FromMinutes(5));
        var info = new ProcessStartInfo(executable) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!ports.All(Listening))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{tool} did not start listening on {string.Join(", ", ports)}");
            }

            Thread.Sleep(200);
        }

        return new LocalService(process);
    }

    public void Dispose()
    {
        if (_started is null || _started.HasExited) return;
        _started.Kill(entireProcessTree: true);
        _started.WaitForExit(5000);
        _started.Dispose();
    }

    public static bool Listening(int port)
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

    private static void Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })
                            ?? throw new InvalidOperationException($"could not run {file}");
        if (!process.WaitForExit(timeout) || process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed");
    }
}
