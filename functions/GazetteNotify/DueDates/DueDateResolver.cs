using System.Globalization;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.DueDates;

/// <summary>
/// Turns a parsed time limit into the day reminders count to, by calendar arithmetic on what the parser states of it:
/// fixed days and target years as they are; a relative limit's span (3个工作日内, 1个月内) counted from the signing date
/// only when the parser found it anchored to the document itself (本通知印发之日起, 自发布后). A limit counted from an
/// event (收到申请后, 受理之日起) or from nothing named is a standing rule of procedure, not a one-off deadline, so it
/// goes to the review list with the date it would have — the admin decides. Working days skip weekends and China's
/// public holidays (with adjusted working days). Repeating limits keep the parser's rule.
/// </summary>
public static class DueDateResolver
{
    /// <summary>Longer counts are no task's limit (a misread number); they wait for the admin like an unread one.</summary>
    private const int MaxCount = 1000;

    public static ResolvedDue Resolve(Deadline deadline, DateOnly? signedOn, WorkingCalendar calendar)
    {
        switch (deadline.Kind)
        {
            case DeadlineKind.Recurring:
                return deadline.Recurrence is { } rule
                    ? new ResolvedDue(null, "recurring", null, rule)
                    : ResolvedDue.Review("repeating limit without a stated day");
            case DeadlineKind.Relative:
                return Relative(deadline, signedOn, calendar);
            default:
                if (deadline.Date is not { } date) return ResolvedDue.Review("date not understood");
                if (signedOn is { } s && date < s) return ResolvedDue.Review($"due before the document was signed ({Iso(s)})", date);
                return new ResolvedDue(date, "as written", null);
        }
    }

    private static ResolvedDue Relative(Deadline deadline, DateOnly? signedOn, WorkingCalendar calendar)
    {
        // Years are not counted: 未来五年 is a horizon, 三年内 a period of work; like a length not stated, the admin sets the day.
        if (deadline.Span is not { Count: > 0 and <= MaxCount, Unit: not SpanUnit.Year } span)
            return ResolvedDue.Review("relative limit without a readable length");
        if (span.Unit == SpanUnit.Hour) return ResolvedDue.Review("limit in hours: a rule of procedure, not a deadline");
        if (signedOn is not { } start) return ResolvedDue.Review("relative limit in a document without a signing date");

        var n = span.Count;
        DateOnly due;
        var exact = true;
        string basis;
        switch (span.Unit)
        {
            case SpanUnit.WorkingDay:
                due = calendar.AddWorkingDays(start, n);
                exact = calendar.IsExact(start, due);
                basis = $"{n}个工作日, from the signing date {Iso(start)}";
                break;
            case SpanUnit.Month:
                due = start.AddMonths(n);
                basis = $"{n}个月, from the signing date {Iso(start)}";
                break;
            case SpanUnit.Week:
                due = start.AddDays(7 * n);
                basis = $"{n}周, from the signing date {Iso(start)}";
                break;
            default:
                due = start.AddDays(n);
                basis = $"{n}日, from the signing date {Iso(start)}";
                break;
        }

        var anchor = deadline.Anchor ?? new LimitAnchor(AnchorKind.None, "");
        if (anchor.Kind == AnchorKind.Event) return ResolvedDue.Review($"counted from an event («{anchor.Words}»), not from the signing date", due);
        if (anchor.Kind == AnchorKind.None) return ResolvedDue.Review("counted from an event the text does not name (a rule of procedure?)", due);
        if (!exact) return ResolvedDue.Review("the holiday calendar does not cover these years (weekends only counted)", due);
        return new ResolvedDue(due, basis, null);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
