using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Reads a time-limit field — the 完成时限 cell of a responsibility table, the value of a 完成时限： label — where
/// whatever stands is a limit by its position, so forms prose would not make a limit are read too:
/// <list type="bullet">
/// <item>a bare date or month: 2021年12月31日 (that day), 9月投入使用 (by the end of September);</item>
/// <item>a limit with what is due by it: 5月底前动工 — the field as written is the limit's text;</item>
/// <item>no end at all: 长期坚持, 持续推进, 全年 — an <see cref="OngoingLimit"/>, no date;</item>
/// <item>the year's target (全年目标任务, a table's column heading read for each row): the year's last day.</item>
/// </list>
/// </summary>
internal static partial class LimitField
{
    /// <summary>The limits and the ongoing mark a time-limit field sets.</summary>
    public static (IReadOnlyList<Deadline> Limits, OngoingLimit? Ongoing) Read(string field, DateOnly anchor)
    {
        var value = field.Trim().TrimEnd('。', '；', ';', '，', ',');
        if (value.Length == 0) return ([], null);
        if (OngoingValue().IsMatch(value)) return ([], new OngoingLimit(value));
        // 全年目标任务 (a table's column heading): what the row sets is the year's target, met by the year's end.
        if (PeriodTargetValue().IsMatch(value)) return ([new Deadline(value, new DateOnly(anchor.Year, 12, 31), DeadlineKind.Target)], null);

        var limits = DeadlineFinder.FindAll(value, anchor);
        if (limits.Count == 0) return (ByPosition(value, anchor), null);

        // 5月底前动工: one limit and a few words of what is due by it — the reader wants them together.
        if (limits.Count == 1 && value.StartsWith(limits[0].Text, StringComparison.Ordinal) && IsShortTail(value.AsSpan(limits[0].Text.Length)))
            return ([limits[0] with { Text = value }], null);
        return (limits, null);
    }

    /// <summary>
    /// Whether <paramref name="field"/>, a limit read from a time-limit field (5月底前动工), is <paramref name="bare"/>, the
    /// phrase the text scan read in the same words (5月底前), written out: same day and kind, the bare phrase its start.
    /// </summary>
    public static bool WritesOut(Deadline field, Deadline bare) =>
        bare.Date == field.Date && bare.Kind == field.Kind && bare.Text.Length < field.Text.Length && field.Text.StartsWith(bare.Text, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="limit"/> is only a phrase inside a field that sets no end (年内 in 年内持续推进).</summary>
    public static bool IsInside(OngoingLimit ongoing, Deadline limit) => ongoing.Text.Contains(limit.Text, StringComparison.Ordinal);

    /// <summary>A date or month standing alone in the field: the day itself, or the month's last day.</summary>
    private static List<Deadline> ByPosition(string value, DateOnly anchor)
    {
        // 完成时限：2021年12月31日 — a bare date under a time label is the date to finish by.
        var byDate = DeadlineFinder.FindAll(value + "前", anchor);
        if (byDate.Count > 0) return [.. byDate.Select(d => d.Text.EndsWith('前') && !value.EndsWith('前') ? d with { Text = d.Text[..^1] } : d)];

        // 9月投入使用, 2016年9月建成投用: the month is the limit, whatever the verb.
        var month = LeadingMonth().Match(value);
        if (!month.Success) return [];
        var asMonthEnd = DeadlineFinder.FindAll(month.Value + "底前", anchor);
        return asMonthEnd.Count == 1 && asMonthEnd[0].Date is not null ? [asMonthEnd[0] with { Text = value }] : [];
    }

    private static bool IsShortTail(ReadOnlySpan<char> tail)
    {
        tail = tail.Trim();
        if (tail.Length > 6) return false;
        foreach (var c in tail)
        {
            if (!char.IsLetter(c)) return false;
        }

        return true;
    }

    /// <summary>长期坚持, 长期推进, 持续推进, 年内持续推进, 常态化推进, 全年, 全年推进 — and nothing else in the field.</summary>
    [GeneratedRegex(@"^(?:长期(?:坚持|推进|开展|执行)?|(?:年内|全年|长期)?持续(?:推进|开展|实施|落实)|常态化(?:推进|开展|实施)?|全年(?:推进|实施|落实)?)$")]
    private static partial Regex OngoingValue();

    [GeneratedRegex(@"^(?:全年|年度)目标(?:任务)?$")]
    private static partial Regex PeriodTargetValue();

    /// <summary>A month the field opens with (9月, 2016年9月, 9月份), not 9月底 / 9月中旬 / 9月30日, which the finder reads.</summary>
    [GeneratedRegex(@"^(?:(?:19|20)\d\d\s*年\s*)?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?(?!\s*[底末中上下旬0-9一二三四五六七八九十]|份)")]
    private static partial Regex LeadingMonth();
}
