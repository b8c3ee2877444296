using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>
/// A time limit as written, and the last day that still meets it (null when not a fixed day). What the limit says
/// beyond a day is stated too, so that no reader of it reads its text again: a relative limit's span and what it counts
/// from, a repeating limit's rule. A target's year is its date's (31 December).
/// </summary>
public sealed record Deadline(string Text, DateOnly? Date, DeadlineKind Kind)
{
    /// <summary>A relative limit's length (3个工作日内, 两个月内); null otherwise, or when no whole count is written (半年内, 次月10日前).</summary>
    public LimitSpan? Span { get; init; }

    /// <summary>What a relative limit counts from; null for the other kinds.</summary>
    public LimitAnchor? Anchor { get; init; }

    /// <summary>
    /// A repeating limit's rule; null for the other kinds, and for a repeating limit that names no day of its period
    /// (每周五前, 每月上旬前, 每年上半年).
    /// </summary>
    public RecurrenceRule? Recurrence { get; init; }

    /// <summary>
    /// One limit is its phrase, day and kind: written twice in one item (or once in the text and once in the 完成时限
    /// field), it is one limit, not two. Its span and rule follow from the phrase; its anchor is read where it was
    /// first written.
    /// </summary>
    public bool Equals(Deadline? other) =>
        other is not null && Text == other.Text && Date == other.Date && Kind == other.Kind;

    public override int GetHashCode() => HashCode.Combine(Text, Date, Kind);
}

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
