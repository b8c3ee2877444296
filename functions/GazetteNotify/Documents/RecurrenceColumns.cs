using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Documents;

/// <summary>
/// A repeating limit's rule on its Deadlines row (docs/storage.md): `RecurrencePeriod` (monthly, quarterly, halfYearly,
/// yearly — the contract's names), `RecurrenceMonth` (the month of each period, null for monthly rules) and
/// `RecurrenceDay` (null: the month's last day). Written at ingest from the parser's rule, read by the reminders, which
/// never read the phrase again.
/// </summary>
public static class RecurrenceColumns
{
    public static void Write(DeadlineRow row, RecurrenceRule? rule)
    {
        row.RecurrencePeriodName = rule is null ? null : Name(rule.Period);
        row.RecurrenceMonth = rule?.Month;
        row.RecurrenceDay = rule?.Day;
    }

    /// <summary>
    /// The rule of a row; null when it has none — and on a `recurring` row written before the rule was stored, which
    /// reminds of nothing until its issue is ingested again (`gazette reingest`).
    /// </summary>
    public static RecurrenceRule? Read(DeadlineRow row) =>
        PeriodOf(row.RecurrencePeriodName) is { } period ? new RecurrenceRule(period, row.RecurrenceMonth, row.RecurrenceDay) : null;

    private static string Name(RecurrencePeriod period) => period switch
    {
        RecurrencePeriod.Monthly => "monthly",
        RecurrencePeriod.Quarterly => "quarterly",
        RecurrencePeriod.HalfYearly => "halfYearly",
        _ => "yearly",
    };

    private static RecurrencePeriod? PeriodOf(string? name) => name switch
    {
        "monthly" => RecurrencePeriod.Monthly,
        "quarterly" => RecurrencePeriod.Quarterly,
        "halfYearly" => RecurrencePeriod.HalfYearly,
        "yearly" => RecurrencePeriod.Yearly,
        _ => null,
    };
}
