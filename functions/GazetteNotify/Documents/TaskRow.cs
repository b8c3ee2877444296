using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A row of the Tasks table: partition = issue key, row = doc|task ordinals (01|001). Written by ingestion with the
/// state open. Each department's part of the task lives in TaskUnits (Reminders/TaskStates, docs/adr/0044); the state
/// columns here are what was stored per task before, read as the legacy state and carried over by a re-ingest.
/// </summary>
[StoredIn("Tasks")]
public sealed class TaskRow : TableRow
{
    public string? DocNumber { get; set; }

    /// <summary>The task's item number in its document (一、→ 1).</summary>
    public string? Item { get; set; }

    /// <summary>Lead units (牵头, or 责任单位 when the clause makes no split), as written.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Lead { get => JsonColumn.Read(LeadJson); set => LeadJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Lead")]
    public string? LeadJson { get; set; }

    /// <summary>Supporting units (配合).</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Support { get => JsonColumn.Read(SupportJson); set => SupportJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Support")]
    public string? SupportJson { get; set; }

    /// <summary>The task's limits as written, ongoing ones (长期坚持) included: what the admin reads.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Deadlines { get => JsonColumn.Read(DeadlinesJson); set => DeadlinesJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Deadlines")]
    public string? DeadlinesJson { get; set; }

    public string? Excerpt { get; set; }

    /// <summary>The state stored per task before per-department state (done: done for every unit); a word the code does not know reads as open.</summary>
    [IgnoreDataMember]
    public TaskState State { get => StoredName.Parse<TaskState>(StateName) ?? TaskState.Open; set => StateName = StoredName.Of(value); }

    /// <summary>The stored column: open, acknowledged or done.</summary>
    [DataMember(Name = "State")]
    public string? StateName { get; set; }

    /// <summary>The department that set the state.</summary>
    public string? StateBy { get; set; }

    public DateTimeOffset? StateAt { get; set; }

    /// <summary>The department's note when marking it done (at most 2,000 characters).</summary>
    public string? Note { get; set; }
}
