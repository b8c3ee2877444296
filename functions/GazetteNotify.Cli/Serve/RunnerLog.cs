using System.Globalization;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// The runner's progress lines (one per thing that happened), timestamped, safe to write from every background job.
/// Addresses and tokens are masked on the way out (Redaction), whatever a caller passes.
/// </summary>
public sealed class RunnerLog(TextWriter writer, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public void Line(string text)
    {
        var at = Time.ChinaTime.Of(clock.GetUtcNow()).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            writer.WriteLine($"{at} {Mail.Redaction.Redact(text)}");
            writer.Flush();
        }
    }
}
