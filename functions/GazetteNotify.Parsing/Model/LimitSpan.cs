using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>
/// How long a relative limit runs, as written: 3个工作日内 → 3 working days, 两个月内 → 2 months, 未来五年 → 5 years. What
/// it counts from is the limit's <see cref="LimitAnchor"/>; the day it ends is for whoever knows that start.
/// </summary>
public sealed record LimitSpan(int Count, SpanUnit Unit);

/// <summary>The unit a span counts in; 自然日 and 天 are days.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpanUnit>))]
public enum SpanUnit
{
    [JsonStringEnumMemberName("day")]
    Day,
    [JsonStringEnumMemberName("workingDay")]
    WorkingDay,
    [JsonStringEnumMemberName("week")]
    Week,
    [JsonStringEnumMemberName("month")]
    Month,
    [JsonStringEnumMemberName("year")]
    Year,
    [JsonStringEnumMemberName("hour")]
    Hour,
}
