using System.Globalization;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Reminders;

/// <summary>
/// Turns a parsed time limit into the day reminders count to. Fixed days and target years come from the parser.
/// Relative limits (3个工作日内, 1个月内) count from the signing date only when the text anchors them to the document
/// itself (本通知印发之日起, 自发布后); a limit counted from an event (收到申请后, 受理之日起) or from nothing named is a
/// standing rule of procedure, not a one-off deadline, so it goes to the review list with the date it would have —
/// the admin decides. Working days skip weekends and China's public holidays (with adjusted working days).
/// </summary>
public static partial class DueDateResolver
{
    public static ResolvedDue Resolve(Deadline deadline, string? excerpt, DateOnly? signedOn, WorkingCalendar calendar)
    {
        switch (deadline.Kind)
        {
            case DeadlineKind.Recurring:
                return Recurrence.Read(deadline.Text) is { } rule
                    ? new ResolvedDue(null, "recurring", null, rule)
                    : ResolvedDue.Review("repeating limit without a stated day");
            case DeadlineKind.Relative:
                return Relative(deadline.Text, excerpt, signedOn, calendar);
            default:
                if (deadline.Date is not { } date) return ResolvedDue.Review("date not understood");
                if (signedOn is { } s && date < s) return ResolvedDue.Review($"due before the document was signed ({Iso(s)})", date);
                return new ResolvedDue(date, "as written", null);
        }
    }

    private static ResolvedDue Relative(string phrase, string? excerpt, DateOnly? signedOn, WorkingCalendar calendar)
    {
        var m = Span().Match(phrase.Replace(" ", "", StringComparison.Ordinal));
        var count = m.Success ? Numerals.Read(m.Groups["n"].Value) : null;
        if (count is not { } n || n <= 0 || n > 1000) return ResolvedDue.Review("relative limit without a readable length");
        var unit = m.Groups["unit"].Value;
        if (unit == "小时") return ResolvedDue.Review("limit in hours: a rule of procedure, not a deadline");
        if (signedOn is not { } start) return ResolvedDue.Review("relative limit in a document without a signing date");

        DateOnly due;
        var exact = true;
        string basis;
        switch (unit)
        {
            case "个工作日" or "工作日":
                due = calendar.AddWorkingDays(start, n);
                exact = calendar.IsExact(start, due);
                basis = $"{n}个工作日, from the signing date {Iso(start)}";
                break;
            case "个月" or "月":
                due = start.AddMonths(n);
                basis = $"{n}个月, from the signing date {Iso(start)}";
                break;
            case "周" or "个星期" or "星期":
                due = start.AddDays(7 * n);
                basis = $"{n}周, from the signing date {Iso(start)}";
                break;
            default:
                due = start.AddDays(n);
                basis = $"{n}日, from the signing date {Iso(start)}";
                break;
        }

        var anchor = AnchorOf(phrase, excerpt);
        if (anchor.Kind == AnchorKind.Event) return ResolvedDue.Review($"counted from an event («{anchor.Text}»), not from the signing date", due);
        if (anchor.Kind == AnchorKind.None) return ResolvedDue.Review("counted from an event the text does not name (a rule of procedure?)", due);
        if (!exact) return ResolvedDue.Review("the holiday calendar does not cover these years (weekends only counted)", due);
        return new ResolvedDue(due, basis, null);
    }

    private enum AnchorKind
    {
        None,
        Document,
        Event,
    }

    /// <summary>What the words just before the limit count it from: the document, an event, or nothing named.</summary>
    private static (AnchorKind Kind, string Text) AnchorOf(string phrase, string? excerpt)
    {
        if (string.IsNullOrEmpty(excerpt)) return (AnchorKind.None, "");
        var compact = phrase.Replace(" ", "", StringComparison.Ordinal);
        var at = excerpt.IndexOf(compact, StringComparison.Ordinal);
        if (at < 0) return (AnchorKind.None, "");
        var from = Math.Max(0, at - 30);
        var before = excerpt[from..at];
        var stop = before.LastIndexOfAny(['。', '；', ';', '！', '？', '、']);
        if (stop >= 0) before = before[(stop + 1)..];
        if (DocumentAnchor().IsMatch(before)) return (AnchorKind.Document, before);
        if (EventAnchor().IsMatch(before)) return (AnchorKind.Event, before.TrimStart('，', ','));
        return (AnchorKind.None, before);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<n>[0-9]{1,4}|[一二三四五六七八九十两百]{1,4})(?<unit>个工作日|工作日|个月|月|周|个星期|星期|小时|日|天)")]
    private static partial Regex Span();

    [GeneratedRegex(@"(?:本(?:通知|意见|方案|办法|规定|决定|文件|细则|计划)|文件)(?:自)?(?:印发|下发|发布|公布|施行|实施|生效)|(?:印发|下发|发布)(?:之日)?(?:起|后)")]
    private static partial Regex DocumentAnchor();

    [GeneratedRegex(@"收到|受理|接到|接报|发生|申请|提出|发现|立案|办结|之日起|起|后|届满|结束|完成")]
    private static partial Regex EventAnchor();
}
