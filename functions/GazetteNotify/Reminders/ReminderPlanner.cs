using System.Globalization;
using GazetteNotify.Departments;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Documents;

namespace GazetteNotify.Reminders;

/// <summary>
/// Which department hears of which limit today. Pure: the day, the limits, the directory, the offsets and what was
/// already reminded in, the plan out.
/// A limit due on D comes up at each offset o on D − o; a day missed (an outage, a late ingest) is caught up by the
/// latest milestone passed, never by all of them. After D an open task is reported once as overdue, within the
/// overdue window. Target years come up only at the earliest offset. A repeating limit comes up before each
/// occurrence, at the offsets shorter than its period. A department that completed its part is not reminded of it; a
/// task done as a whole (every lead department done, or done before per-unit state) reminds nobody (docs/adr/0044).
/// </summary>
public static class ReminderPlanner
{
    public static ReminderPlan Plan(DateOnly today, IEnumerable<ReminderTask> tasks, DepartmentDirectory directory, ReminderSettings settings, IReadOnlySet<string> reminded)
    {
        var resolutions = new Dictionary<string, UnitResolution>(StringComparer.Ordinal);
        var byDepartment = new Dictionary<string, (Department Department, List<ReminderItem> Items)>(StringComparer.Ordinal);
        var unreached = new Dictionary<string, UnitResolution>(StringComparer.Ordinal);
        UnitResolution Resolve(string unit) => resolutions.TryGetValue(unit, out var known) ? known : resolutions[unit] = directory.Resolve(unit);

        foreach (var task in tasks)
        {
            if (task.State == TaskState.Done) continue;
            if (Milestone(today, task, settings) is not { } due) continue;
            if (task.Progress.Units.Count > 0 && task.Progress.IsDone(TaskParts.Completers(task.Lead, task.Support, Resolve))) continue;

            foreach (var (unit, role) in Units(task))
            {
                var resolution = Resolve(unit);
                if (resolution.Departments.Count == 0)
                {
                    unreached.TryAdd(unit, resolution);
                    continue;
                }

                foreach (var department in resolution.Departments)
                {
                    if (task.Progress.Of(department.Id) == TaskState.Done) continue; // its own part is done; the others' are not
                    var item = new ReminderItem(task, role, due.Date, due.Milestone, due.Date.DayNumber - today.DayNumber);
                    if (reminded.Contains(item.LedgerKey(department))) continue;
                    if (!byDepartment.TryGetValue(department.Id, out var entry)) byDepartment[department.Id] = entry = (department, []);
                    var existing = entry.Items.FindIndex(i => i.Task.Key == task.Key);
                    if (existing < 0) entry.Items.Add(item);
                    else if (role == TaskRole.Lead) entry.Items[existing] = item; // named as lead and as support: leads
                }
            }
        }

        var reminders = byDepartment.Values
            .Select(e => new DepartmentReminder(e.Department, e.Items.OrderBy(i => i.Due).ThenBy(i => i.Task.Key, StringComparer.Ordinal).ToList()))
            .OrderBy(r => r.Department.Id, StringComparer.Ordinal)
            .ToList();
        return new ReminderPlan(reminders, unreached.Values.OrderBy(u => u.Unit, StringComparer.Ordinal).ToList());
    }

    /// <summary>The milestone that brings this limit up today, if any, with the due day it counts to.</summary>
    public static (DateOnly Date, string Milestone)? Milestone(DateOnly today, ReminderTask task, ReminderSettings settings)
    {
        if (task.Recurrence is { } rule)
        {
            var start = task.SignedOn is { } signedOn && signedOn >= today ? signedOn.AddDays(1) : today;
            var next = rule.NextOnOrAfter(start);
            if (task.ValidUntil is { } until && next > until) return null;
            var offset = LatestPassed(today, next, settings.Offsets.Where(o => o < rule.PeriodDays));
            return offset is { } o ? (next, next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ":" + o.ToString(CultureInfo.InvariantCulture)) : null;
        }

        if (task.Date is not { } due) return null;
        if (task.Kind == DeadlineKind.Target)
        {
            var at = settings.TargetOffset;
            return today >= due.AddDays(-at) && today <= due ? (due, at.ToString(CultureInfo.InvariantCulture)) : null;
        }

        if (today > due)
        {
            return today.DayNumber - due.DayNumber <= settings.OverdueWindowDays ? (due, ReminderItem.OverdueMilestone) : null;
        }

        var passed = LatestPassed(today, due, settings.Offsets);
        return passed is { } p ? (due, p.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The smallest offset whose day (due − offset) has come: the most recent milestone.</summary>
    private static int? LatestPassed(DateOnly today, DateOnly due, IEnumerable<int> offsets)
    {
        int? best = null;
        foreach (var o in offsets)
        {
            if (due.AddDays(-o) <= today && (best is null || o < best)) best = o;
        }

        return best;
    }

    private static IEnumerable<(string Unit, TaskRole Role)> Units(ReminderTask task)
    {
        var split = task.Support.Count > 0;
        foreach (var unit in task.Lead) yield return (unit, split ? TaskRole.Lead : TaskRole.Responsible);
        foreach (var unit in task.Support) yield return (unit, TaskRole.Support);
    }
}
