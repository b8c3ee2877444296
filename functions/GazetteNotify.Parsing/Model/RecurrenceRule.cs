using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>
/// When a repeating limit falls: 每月10日前 → monthly, day 10; 每季度 → quarterly, the last day of the quarter's third
/// month; 每季度末月20日前 → quarterly, month 3, day 20; 每年7月底前 → yearly, month 7, the month's last day.
/// </summary>
/// <param name="Month">
/// The month of each period the day falls in: the calendar month for yearly rules (1–12), the month within the quarter
/// (1–3) or half year (1–6) for those, counted from the period's first; null for monthly rules.
/// </param>
/// <param name="Day">The day of that month; null for its last day (月底, 季度末, 年底), whatever its length.</param>
public sealed record RecurrenceRule(RecurrencePeriod Period, int? Month, int? Day)
{
    /// <summary>The month's last day (28, 29, 30 or 31) rather than a numbered day: says what a null <see cref="Day"/> means.</summary>
    public bool LastDay => Day is null;
}

[JsonConverter(typeof(JsonStringEnumConverter<RecurrencePeriod>))]
public enum RecurrencePeriod
{
    [JsonStringEnumMemberName("monthly")]
    Monthly,
    [JsonStringEnumMemberName("quarterly")]
    Quarterly,
    [JsonStringEnumMemberName("halfYearly")]
    HalfYearly,
    [JsonStringEnumMemberName("yearly")]
    Yearly,
}
