namespace GazetteNotify.Cli.Serve;

/// <summary>`--now` for a running service: the clock starts at the given moment and then advances in real time.</summary>
public sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
{
    public static ShiftedClock StartingAt(DateTimeOffset start) => new(System, start - System.GetUtcNow());

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + shift;
}
