using System.Globalization;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// The runner's progress lines (one per thing that happened), timestamped, safe to write from every background job.
/// Never given an address or a secret: callers pass counts, keys and masked addresses.
/// </summary>
public sealed class RunnerLog(TextWriter writer, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public void Line(string text)
    {
        var at = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            writer.WriteLine($"{at} {text}");
            writer.Flush();
        }
    }
}
