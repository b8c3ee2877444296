using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using GazetteNotify.Storage;
namespace GazetteNotify.Tests.Support;

/// <summary>
/// `dotnet gazette.dll serve` as its own OS process on a test's storage prefix (no timers): what an outside tester
/// attacks and what the SIGKILL harnesses kill — its output lines, readiness, SIGKILL and SIGTERM, and its peak
/// resident memory read from /proc, so a test can bound what a request costs.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    public const string AdminKey = "serve-process-admin-key-0123456789";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public IEnumerable<string> Lines => _lines;

    public string Log => string.Join('\n', _lines);

    public bool Exited => _process.HasExited;

    /// <summary>Started on the storage prefix, with the clock at <paramref name="now"/> (then real time) and these settings.</summary>
    public static ServeProcess Start(string prefix, DateTimeOffset? now, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gazette.dll"); // the CLI project's output, copied beside the tests
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet"; // the muxer running the tests
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var port = FreePort();
        foreach (var a in (string[])[dll, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--no-timers"]) info.ArgumentList.Add(a);
        if (now is { } at)
        {
            info.ArgumentList.Add("--now");
            info.ArgumentList.Add(at.ToString("O", CultureInfo.InvariantCulture));
        }

        info.Environment["GazetteStorage"] = StorageSettings.DevelopmentConnectionString;
        info.Environment.Remove("GazetteStorage__accountName");
        info.Environment["GazetteStorage__prefix"] = prefix;
        foreach (var (name, value) in settings) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet gazette.dll serve");
        var serve = new ServeProcess(process, port);
        process.OutputDataReceived += (_, e) => serve.Line(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Line(e.Data is null ? null : "stderr: " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>Started and listening, with outbox mail, the admin key <see cref="AdminKey"/> and the test link secret.</summary>
    public static async Task<ServeProcess> StartAsync(string prefix, string outbox)
    {
        var serve = Start(prefix, null, new Dictionary<string, string>
        {
            ["Mail__Transport"] = "outbox",
            ["Mail__Outbox"] = outbox,
            ["AdminKey"] = AdminKey,
            ["LinkSigningSecret"] = Scenario.LinkSecret,
        });
        if (await serve.ReadyAsync(TimeSpan.FromSeconds(60))) return serve;
        var log = serve.Log;
        await serve.DisposeAsync();
        throw new InvalidOperationException($"gazette serve did not start\n{log}");
    }

    private void Line(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (line.StartsWith("gazette serve: http", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>True once it listens and its jobs run; false when it ended or took longer.</summary>
    public async Task<bool> ReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout));
        return first == _ready.Task;
    }

    /// <summary>True when the process ended within the timeout.</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: nothing in the process runs another instruction.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops it: the work in hand is finished, exit code 0.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        return await ExitedWithinAsync(timeout) && _process.ExitCode == 0;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    public long PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
