using GazetteNotify.Departments;

namespace GazetteNotify.Reminders;

/// <summary>
/// One line of a department's reminder: the limit, the department's role, the day it is due, and the milestone that
/// brings it up today (an offset in days, or `overdue`). The ledger keys on (department, limit, milestone).
/// </summary>
public sealed record ReminderItem(ReminderTask Task, TaskRole Role, DateOnly Due, string Milestone, int DaysLeft)
{
    public const string OverdueMilestone = "overdue";

    public bool Overdue => DaysLeft < 0;

    public string LedgerKey(Department department) => $"{department.Id}|{Task.Key}|{Milestone}";
}

/// <summary>Everything one department is reminded of on one day: one e-mail.</summary>
public sealed record DepartmentReminder(Department Department, IReadOnlyList<ReminderItem> Items)
{
    public int OverdueCount => Items.Count(i => i.Overdue);
}

/// <summary>A day's plan: the reminders, and the units no reminder could reach (unmapped or collective names).</summary>
public sealed record ReminderPlan(IReadOnlyList<DepartmentReminder> Reminders, IReadOnlyList<UnitResolution> Unreached);
