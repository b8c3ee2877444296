using GazetteNotify.Parsing.Model;

namespace GazetteNotify.DueDates;

/// <summary>
/// The occurrences of a repeating limit's rule, as the parser states it (<see cref="RecurrenceRule"/>): arithmetic
/// only — which months it falls in, on which day, and how long its period is.
/// </summary>
public static class Recurrence
{
    extension(RecurrenceRule rule)
    {
        /// <summary>The shortest period between two occurrences: a reminder offset longer than it would fire every time.</summary>
        public int PeriodDays => rule.Period switch
        {
            RecurrencePeriod.Monthly => 28,
            RecurrencePeriod.Quarterly => 90,
            RecurrencePeriod.HalfYearly => 181,
            _ => 365,
        };

        /// <summary>The first occurrence on or after <paramref name="from"/>.</summary>
        public DateOnly NextOnOrAfter(DateOnly from)
        {
            for (var probe = new DateOnly(from.Year, from.Month, 1).AddMonths(-1); ; probe = probe.AddMonths(1))
            {
                if (!Occurs(rule, probe.Month)) continue;
                var length = DateTime.DaysInMonth(probe.Year, probe.Month);
                // 每月31日前 falls on a shorter month's last day, as 每月底前 does.
                var day = new DateOnly(probe.Year, probe.Month, Math.Min(rule.Day ?? length, length));
                if (day >= from) return day;
            }
        }
    }

    /// <summary>Whether the rule falls in a calendar month: its month of each quarter or half year counts from January.</summary>
    private static bool Occurs(RecurrenceRule rule, int month) => rule.Period switch
    {
        RecurrencePeriod.Monthly => true,
        RecurrencePeriod.Quarterly => (month - 1) % 3 + 1 == rule.Month,
        RecurrencePeriod.HalfYearly => (month - 1) % 6 + 1 == rule.Month,
        _ => month == rule.Month,
    };
}
