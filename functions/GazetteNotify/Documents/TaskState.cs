namespace GazetteNotify.Documents;

/// <summary>Where a task stands (the Tasks row's State): a done task stops reminding; acknowledged only says someone has seen it.</summary>
public enum TaskState
{
    Open,
    Acknowledged,
    Done,
}
