using GazetteNotify.Documents;

namespace GazetteNotify.Reminders;

/// <summary>Where one department's part of a task stands: its state, when it was set, and the note given with done.</summary>
public sealed record UnitProgress(string DepartmentId, TaskState State, DateTimeOffset? At, string? Note);
