namespace GazetteNotify.Tests.Support;

/// <summary>
/// The system clock shifted to a chosen moment, which the test can move on (to a later reminder day) while a runner
/// is using it; timers and delays stay the system's, so the runner's polling keeps its pace.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    /// <summary>From now on, the clock reads this moment (and runs on from it).</summary>
    public void MoveTo(DateTimeOffset at) => _shift = at - System.GetUtcNow();
}
