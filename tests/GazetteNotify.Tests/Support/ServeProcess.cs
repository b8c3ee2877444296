using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// `dotnet gazette.dll serve` as its own OS process on a storage prefix of its own (outbox mail, no timers): what an
/// outside tester attacks. Its peak resident memory is read from /proc, so a test can bound what a request costs.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    public const string AdminKey = "serve-process-admin-key-0123456789";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Log => string.Join('\n', _lines);

    public static async Task<ServeProcess> StartAsync(string prefix, string outbox)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gazette.dll"); // the CLI project's output, copied beside the tests
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var port = FreePort();
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[dll, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--no-timers"]) info.ArgumentList.Add(a);
        info.Environment["GazetteStorage"] = StorageSettings.DevelopmentConnectionString;
        info.Environment.Remove("GazetteStorage__accountName");
        info.Environment["GazetteStorage__prefix"] = prefix;
        info.Environment["Mail__Transport"] = "outbox";
        info.Environment["Mail__Outbox"] = outbox;
        info.Environment["AdminKey"] = AdminKey;
        info.Environment["LinkSigningSecret"] = Scenario.LinkSecret;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet gazette.dll serve");
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => serve.Line(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Line(e.Data is null ? null : "stderr: " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(serve._ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != serve._ready.Task) throw new InvalidOperationException($"gazette serve did not start\n{serve.Log}");
        return serve;
    }

    private void Line(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (line.StartsWith("gazette serve: http", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    public long PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

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
