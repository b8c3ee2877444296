using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// A document that names no year anywhere (no signing date, none in its title, number or opening lines, none in the
/// upload) cannot date 年底前 or 6月底前: such limits keep their text and lose the date, for the admin to give one,
/// rather than taking a year nobody wrote. A limit that writes its own year (2025年6月底前) keeps its date.
/// </summary>
internal static class UnknownYear
{
    /// <summary>Stands in for the year while phrases are read; no date that depends on it survives <see cref="Undate"/>.</summary>
    public static readonly DateOnly Placeholder = new(2000, 1, 1);

    public static List<Deadline> Undate(IReadOnlyList<Deadline> limits) => [.. limits.Select(Undate)];

    public static List<ResponsibilityTask> Undate(IReadOnlyList<ResponsibilityTask> tasks) =>
        [.. tasks.Select(t => t.Deadlines.All(WritesItsYear) ? t : t with { Deadlines = Undate(t.Deadlines) })];

    private static Deadline Undate(Deadline limit) => limit.Date is null || WritesItsYear(limit) ? limit : limit with { Date = null };

    private static bool WritesItsYear(Deadline limit) => limit.Date is null || DeadlinePatterns.YearMentionRegex().IsMatch(limit.Text);
}
