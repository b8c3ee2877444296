using System.Diagnostics;
using System.Text;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Demo;

/// <summary>
/// `bash scripts/demo.sh` as a script or CI runs it — no terminal — and stopped by SIGTERM halfway: either way no
/// process it started is left. Every process of a run carries a marker in its environment (children inherit it), so
/// one orphaned under init is found as surely as one still in the script's group.
/// </summary>
[Collection(AzuriteGroup.Name)] // Azurite and maildev already listen: the demo uses them and starts `gazette serve` itself
public sealed class DemoScriptTests : IClassFixture<MaildevFixture>
{
    private sealed record DemoRun(Process Process, string Marker, StringBuilder Output);

    private static DemoRun Start()
    {
        var marker = "demo-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("bash", ["scripts/demo.sh"])
        {
            WorkingDirectory = AzuriteFixture.RepoRoot(),
            RedirectStandardInput = true, // a pipe, not a terminal: the demo runs to its end
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GAZETTE_DEMO_MARK"] = marker;
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DemoRun(process, marker, output);
    }

    /// <summary>Every live process whose environment holds the marker: the command lines of what a run left behind.</summary>
    private static List<string> Left(string marker)
    {
        var left = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "environ")).Contains(marker, StringComparison.Ordinal)) continue;
                left.Add(Path.GetFileName(dir) + " " + File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '));
            }
            catch (IOException)
            {
                // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours
            }
        }

        return left;
    }

    private static async Task<List<string>> LeftAfterAWhileAsync(string marker)
    {
        for (var i = 0; i < 20 && Left(marker).Count > 0; i++) await Task.Delay(250);
        return Left(marker);
    }

    private static string Text(DemoRun run)
    {
        lock (run.Output) return run.Output.ToString();
    }

    [Fact]
    public async Task Run_without_a_terminal_it_stops_at_its_end_and_leaves_no_process()
    {
        var run = Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await run.Process.WaitForExitAsync(timeout.Token);

        Assert.True(run.Process.ExitCode == 0, Text(run));
        Assert.Contains("3 issues ingested by the watcher", Text(run));
        Assert.Matches(@"demo: stopped what it started \([1-9]\d* process", Text(run)); // at least `gazette serve`
        Assert.Empty(await LeftAfterAWhileAsync(run.Marker));
    }

    [Fact]
    public async Task Sigterm_halfway_stops_everything_it_started()
    {
        var run = Start();
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!Text(run).Contains("running; its log: .demo/serve.log", StringComparison.Ordinal))
        {
            Assert.False(run.Process.HasExited || DateTime.UtcNow > until, "gazette serve was never started:\n" + Text(run));
            await Task.Delay(200);
        }

        Assert.Contains(Left(run.Marker), p => p.Contains("gazette serve", StringComparison.Ordinal) || p.Contains(" serve --port 7071", StringComparison.Ordinal));
        using (var kill = Process.Start("kill", ["-TERM", run.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await run.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(143, run.Process.ExitCode);
        Assert.Contains("demo: stopped what it started", Text(run));
        Assert.Empty(await LeftAfterAWhileAsync(run.Marker));
    }
}
