using System.Globalization;

namespace GazetteNotify.Cli;

/// <summary>`--now`: the clock a job sees, fixed at a moment (a bare date means 08:00 China time, when the timers run).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public static bool TryParse(string? text, out FixedClock clock)
    {
        clock = null!;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            clock = new FixedClock(Time.ChinaTime.At(day, new TimeOnly(8, 0)));
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            clock = new FixedClock(at);
            return true;
        }

        return false;
    }
}
