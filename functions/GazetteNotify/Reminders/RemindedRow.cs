using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// One milestone told, in the Deliveries table: partition <c>reminded-due-{due year}</c>, row = due date|limit|
/// department|milestone (<see cref="ReminderItem.LedgerKey"/> after the date), so a day's run reads only the limits due
/// in its window. Rows from before the day partitions sit in <c>reminded-{due year}</c> without the date: read, never written.
/// </summary>
[StoredIn("Deliveries")]
public sealed class RemindedRow : TableRow
{
    /// <summary>The run that told it (reminders-2026-03-02).</summary>
    public string? Run { get; set; }
}
