using System.Globalization;
using GazetteNotify.Departments;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using RecurrenceRule = GazetteNotify.Parsing.Model.RecurrenceRule; // not Ical.Net's, which has the same name
using GazetteNotify.Documents;

namespace GazetteNotify.Reminders;

/// <summary>
/// A department's limits as an RFC 5545 calendar (Ical.Net): one all-day event per limit, with the doc number, title,
/// the department's role and the item's text; a repeating limit is one event with its RRULE. UIDs come from the limit
/// and the department, so a calendar client that fetches the feed again updates events instead of duplicating them.
/// </summary>
public static class DepartmentCalendar
{
    public static string Render(Department department, IEnumerable<ReminderTask> tasks, DepartmentDirectory directory, string gazetteName, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//GazetteNotify//Deadlines//ZH" };
        calendar.AddProperty("X-WR-CALNAME", $"{department.Name} · {gazetteName}时限");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        foreach (var (task, role) in For(department, tasks, directory))
        {
            var start = task.Recurrence is { } rule ? rule.NextOnOrAfter(task.SignedOn?.AddDays(1) ?? DateOnly.FromDateTime(now.UtcDateTime)) : task.Date;
            if (start is not { } day) continue;
            var done = task.Progress.Of(department.Id) == TaskState.Done || task.State == TaskState.Done ? "（已完成）" : ""; // its own part
            var evt = new CalendarEvent
            {
                Uid = $"{task.Key.Replace('|', '.')}.{department.Id}@gazettenotify",
                Summary = $"{done}{task.Phrase}：{task.DocNumber ?? task.Title}" + (task.Item is null ? "" : $" 第{task.Item}项"),
                Description = string.Join("\n", new[]
                {
                    task.DocNumber is null ? task.Title : $"{task.DocNumber}《{task.Title}》",
                    $"角色：{ReminderRenderer.RoleName(role)}",
                    $"时限：{task.Phrase}" + (task.Basis is "" or "as written" or "recurring" ? "" : $"（{task.Basis}）"),
                    task.Excerpt ?? "",
                }.Where(l => l.Length > 0)),
                DtStart = new CalDateTime(day),
                DtEnd = new CalDateTime(day.AddDays(1)),
                DtStamp = stamp,
                Transparency = "TRANSPARENT",
            };
            if (task.Recurrence is { } r)
            {
                evt.RecurrenceRule = Rule(r, task.ValidUntil);
            }

            calendar.Events.Add(evt);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The limits naming this department (through an alias, a rule or a group), with its role in each.</summary>
    public static IEnumerable<(ReminderTask Task, TaskRole Role)> For(Department department, IEnumerable<ReminderTask> tasks, DepartmentDirectory directory)
    {
        var cache = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Names(string unit)
        {
            if (!cache.TryGetValue(unit, out var hit)) cache[unit] = hit = directory.Resolve(unit).Departments.Any(d => d.Id == department.Id);
            return hit;
        }

        foreach (var task in tasks)
        {
            var split = task.Support.Count > 0;
            if (task.Lead.Any(Names)) yield return (task, split ? TaskRole.Lead : TaskRole.Responsible);
            else if (task.Support.Any(Names)) yield return (task, TaskRole.Support);
        }
    }

    private static RecurrencePattern Rule(RecurrenceRule rule, DateOnly? until)
    {
        var pattern = rule.Period switch
        {
            RecurrencePeriod.Monthly => new RecurrencePattern(FrequencyType.Monthly, 1),
            RecurrencePeriod.Quarterly => new RecurrencePattern(FrequencyType.Monthly, 3),
            RecurrencePeriod.HalfYearly => new RecurrencePattern(FrequencyType.Monthly, 6),
            _ => new RecurrencePattern(FrequencyType.Yearly, 1),
        };
        // A month's last day, or its 31st (每月31日前), is -1: the last day of every month, shorter ones included.
        pattern.ByMonthDay.Add(rule.Day is { } day and < 31 ? day : -1);
        if (rule.Period == RecurrencePeriod.Yearly && rule.Month is { } month) pattern.ByMonth.Add(month);
        if (until is { } u) pattern.Until = new CalDateTime(u);
        return pattern;
    }

    public static string FileName(Department department) => department.Id.ToString(CultureInfo.InvariantCulture) + ".ics";
}
