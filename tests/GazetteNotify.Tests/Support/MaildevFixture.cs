using System.Diagnostics;
using System.Net.Sockets;

namespace GazetteNotify.Tests.Support;

/// <summary>A real SMTP sink for the SMTP tests: maildev on 1025 (API on 1080), started from node_modules when not running.</summary>
public sealed class MaildevFixture : IDisposable
{
    public const int SmtpPort = 1025;
    public const int WebPort = 1080;
    private readonly Process? _started;

    public MaildevFixture()
    {
        if (Listening(SmtpPort) && Listening(WebPort)) return;
        var root = AzuriteFixture.RepoRoot();
        var maildev = Path.Combine(root, "node_modules", ".bin", "maildev");
        if (!File.Exists(maildev)) throw new InvalidOperationException("maildev is not installed: run `npm ci`");
        var info = new ProcessStartInfo(maildev) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--silent" }) info.ArgumentList.Add(arg);
        _started = Process.Start(info) ?? throw new InvalidOperationException("could not start maildev");
        _started.OutputDataReceived += (_, _) => { };
        _started.ErrorDataReceived += (_, _) => { };
        _started.BeginOutputReadLine();
        _started.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Listening(SmtpPort) && Listening(WebPort)))
        {
            if (_started.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("maildev did not start listening on 1025/1080");
            Thread.Sleep(200);
        }
    }

    public static Uri Api => new($"http://127.0.0.1:{WebPort}/api/");

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
}
