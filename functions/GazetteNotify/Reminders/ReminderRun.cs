using GazetteNotify.Departments;

namespace GazetteNotify.Reminders;

/// <summary>
/// What one run of SendDeadlineReminders did: the day, the plan, and per department whether its mail went (or was
/// queued), had been sent already today, failed, or could not go because the department has no address.
/// </summary>
public sealed record ReminderRun(DateOnly Day, ReminderPlan Plan, int Sent, int AlreadySent, int Failed, IReadOnlyList<Department> WithoutAddress)
{
    public int Batches { get; init; }

    public bool DryRun { get; init; }
}
