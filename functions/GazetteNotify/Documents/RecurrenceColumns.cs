using Azure.Data.Tables;
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
    public const string Period = "RecurrencePeriod";
    public const string Month = "RecurrenceMonth";
    public const string Day = "RecurrenceDay";

    public static void Write(TableEntity row, RecurrenceRule? rule)
    {
        row[Period] = rule is null ? null : Name(rule.Period);
        row[Month] = rule?.Month;
        row[Day] = rule?.Day;
    }

    /// <summary>
    /// The rule of a row; null when it has none — and on a `recurring` row written before the rule was stored
    /// (issue 19), which reminds of nothing until its issue is ingested again (`gazette reingest`).
    /// </summary>
    public static RecurrenceRule? Read(TableEntity row) =>
        PeriodOf(row.GetString(Period)) is { } period ? new RecurrenceRule(period, row.GetInt32(Month), row.GetInt32(Day)) : null;

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
