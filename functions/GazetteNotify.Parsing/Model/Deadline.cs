using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>A time limit as written, and the last day that still meets it (null when not a fixed day).</summary>
public sealed record Deadline(string Text, DateOnly? Date, DeadlineKind Kind);

/// <summary>How a time limit is anchored.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>A fixed day: 6月底前, 2022年8月31日前, 年底前.</summary>
    [JsonStringEnumMemberName("deadline")]
    Deadline,
    /// <summary>A goal year: 到2025年.</summary>
    [JsonStringEnumMemberName("target")]
    Target,
    /// <summary>Counted from an event: 3个工作日内.</summary>
    [JsonStringEnumMemberName("relative")]
    Relative,
    /// <summary>Repeats: 每季度, 每月10日前.</summary>
    [JsonStringEnumMemberName("recurring")]
    Recurring,
}
