using System.Globalization;
using GazetteNotify.DueDates;

namespace GazetteNotify.Documents;

/// <summary>
/// The Deadlines partition of a due date: its year (2022), or <c>undated</c> for limits that wait for review, or
/// <c>recurring</c>. The first design took the month (docs/adr/0008); measured, an issue's deadlines spread over a dozen
/// months, and one batch per partition broke the round-trip budget of ingestion (docs/storage.md). Row keys start with
/// the date, so a reminder's window is still one range scan per year.
/// </summary>
public static class DeadlinePartition
{
    public const string Undated = "undated";

    /// <summary>Repeating limits (每月10日前): no single day; reminders compute each occurrence.</summary>
    public const string Recurring = "recurring";

    public static string Of(DateOnly? date) => date?.Year.ToString(CultureInfo.InvariantCulture) ?? Undated;

    /// <summary>A resolved limit's partition: its year; `recurring`; or `undated` while it waits for the admin's review.</summary>
    public static string Of(DueDates.ResolvedDue due) =>
        due.NeedsReview ? Undated : due.Recurrence is not null ? Recurring : Of(due.Date);

    /// <summary>The partitions a date range touches.</summary>
    public static IEnumerable<string> Covering(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++) yield return year.ToString(CultureInfo.InvariantCulture);
    }
}
