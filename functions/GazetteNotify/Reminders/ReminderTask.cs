using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Documents;

namespace GazetteNotify.Reminders;

/// <summary>
/// One time limit of one task, as planning sees it: where it comes from, who owes it, when it is due (or how it
/// repeats), and where the task stands: <see cref="State"/> is the state stored per task before per-unit state (done
/// there is done for all), <see cref="Progress"/> each department's part. <see cref="Key"/> names the limit
/// (issue|doc|task|n), <see cref="TaskKey"/> the task.
/// </summary>
public sealed record ReminderTask(
    string Key,
    string TaskKey,
    string? DocNumber,
    string Title,
    string? Item,
    string? Excerpt,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    string Phrase,
    DeadlineKind Kind,
    DateOnly? Date,
    string Basis,
    TaskState State = TaskState.Open)
{
    public RecurrenceRule? Recurrence { get; init; }

    /// <summary>For repeating limits: no occurrence before the document was signed, none after it expires.</summary>
    public DateOnly? SignedOn { get; init; }

    public DateOnly? ValidUntil { get; init; }

    /// <summary>Each department's part of the task (acknowledged, done), with the state stored per task before.</summary>
    public TaskProgress Progress { get; init; } = TaskProgress.None;
}

/// <summary>A department's part in a task: 牵头 (lead), 配合 (support), or 责任单位 when the clause makes no split.</summary>
public enum TaskRole
{
    Responsible,
    Lead,
    Support,
}
