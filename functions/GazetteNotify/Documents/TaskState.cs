namespace GazetteNotify.Documents;

/// <summary>
/// Where a department's part of a task stands (a TaskUnits row), or a task as a whole: done stops reminding;
/// acknowledged only says it has been seen (docs/adr/0044).
/// </summary>
public enum TaskState
{
    Open,
    Acknowledged,
    Done,
}
