using System.Globalization;

namespace GazetteNotify.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): the time every date the gazette prints, every digest hour and
/// every time an admin reads is in. Stored times stay UTC; this is the one place they are turned into China's.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The China day a moment falls on: a reminder's "today", a digest's "today".</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>A China day's moment: 2022-06-20 08:00 is 00:00 UTC.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);

    /// <summary>As admins read times: 2022-06-20 08:00.</summary>
    public static string Minute(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
