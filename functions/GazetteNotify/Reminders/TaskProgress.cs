using GazetteNotify.Departments;
using GazetteNotify.Documents;

namespace GazetteNotify.Reminders;

/// <summary>
/// Where every department's part of one task stands (docs/adr/0044): each department acknowledges and completes its
/// own part, and the task is done when every department its lead units reach has completed (<see cref="TaskParts"/>).
/// <see cref="Legacy"/> is the state stored per task before per-unit state: read, never written — a task marked done
/// then stays done for all its units, and an acknowledgement counts for the department that gave it.
/// </summary>
public sealed class TaskProgress(UnitProgress? legacy, IEnumerable<UnitProgress> units)
{
    public static TaskProgress None { get; } = new(null, []);

    /// <summary>The per-task state of the Tasks row (by = its StateBy), when not open.</summary>
    public UnitProgress? Legacy { get; } = legacy is { State: not TaskState.Open } ? legacy : null;

    /// <summary>Departments that acknowledged or completed their part, by id.</summary>
    public IReadOnlyDictionary<string, UnitProgress> Units { get; } = units.ToDictionary(u => u.DepartmentId, StringComparer.Ordinal);

    /// <summary>This department's own state: its own row, or what the per-task state before this change gives it.</summary>
    public TaskState Of(string departmentId)
    {
        var own = Units.TryGetValue(departmentId, out var unit) ? unit.State : TaskState.Open;
        var inherited = Legacy switch
        {
            { State: TaskState.Done } => TaskState.Done,
            { State: TaskState.Acknowledged } l when l.DepartmentId == departmentId => TaskState.Acknowledged,
            _ => TaskState.Open,
        };
        return own > inherited ? own : inherited;
    }

    /// <summary>What is known of this department's part (own row first), for its page and the admin's.</summary>
    public UnitProgress? Record(string departmentId) =>
        Units.TryGetValue(departmentId, out var unit) && unit.State >= Of(departmentId) ? unit
        : Of(departmentId) is not TaskState.Open && Legacy is { } legacy ? legacy with { DepartmentId = departmentId }
        : null;

    /// <summary>
    /// Done when it was done before per-unit state, or when every department that completes it (<see
    /// cref="TaskParts.Completers"/>; null when a lead unit reaches none) has completed its part.
    /// </summary>
    public bool IsDone(IReadOnlyList<Department>? completers) =>
        Legacy?.State == TaskState.Done || completers is { Count: > 0 } && completers.All(d => Of(d.Id) == TaskState.Done);

    /// <summary>The task as a whole: done (<see cref="IsDone"/>), acknowledged when any part has moved, else open.</summary>
    public TaskState Overall(IReadOnlyList<Department>? completers) =>
        IsDone(completers) ? TaskState.Done : Legacy is not null || Units.Count > 0 ? TaskState.Acknowledged : TaskState.Open;
}
