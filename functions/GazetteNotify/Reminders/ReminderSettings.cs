using System.Globalization;

namespace GazetteNotify.Reminders;

/// <summary>
/// When departments are reminded: days before a due date (default 30, 7, 1 and the day itself), and how long after
/// a due date an open task is still reported as overdue (once). Older overdue tasks stay visible to the admin but are
/// not mailed: a department learning in 2026 of a 2018 limit is noise, not a reminder.
/// </summary>
public sealed record ReminderSettings(IReadOnlyList<int> Offsets, int OverdueWindowDays)
{
    public static ReminderSettings Default { get; } = new([30, 7, 1, 0], 30);

    /// <summary>The offset at which `target` limits (到2025年) remind: only the earliest.</summary>
    public int TargetOffset => Offsets.Max();

    /// <summary>Offsets as configured ("30,7,1,0"); anything unreadable is refused at start, not guessed.</summary>
    public static ReminderSettings Parse(string? offsets, string? overdueWindowDays)
    {
        var list = string.IsNullOrWhiteSpace(offsets)
            ? Default.Offsets
            : offsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(o => int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 366
                    ? n
                    : throw new FormatException($"Reminders:Offsets must be whole days between 0 and 366, separated by commas (got '{offsets}')"))
                .Distinct().OrderDescending().ToList();
        if (list.Count == 0) throw new FormatException("Reminders:Offsets names no day");
        var window = string.IsNullOrWhiteSpace(overdueWindowDays) ? Default.OverdueWindowDays
            : int.TryParse(overdueWindowDays, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w
            : throw new FormatException($"Reminders:OverdueWindowDays must be a whole number of days (got '{overdueWindowDays}')");
        return new ReminderSettings(list, window);
    }
}
