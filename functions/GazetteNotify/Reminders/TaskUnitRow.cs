using System.Runtime.Serialization;
using GazetteNotify.Documents;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// One department's part of a task (issue 21): a row of the TaskUnits table, partition = issue key, row =
/// doc|task|department id. Written by <see cref="TaskStates"/> when the department acknowledges or completes its part;
/// a department with no row has done nothing yet. Ingestion never writes this table, so a re-ingest leaves it as it is.
/// </summary>
[StoredIn("TaskUnits")]
public sealed class TaskUnitRow : TableRow
{
    /// <summary>Acknowledged or done (never open: an open part has no row); moves only forward.</summary>
    [IgnoreDataMember]
    public TaskState State { get => StoredName.Parse<TaskState>(StateName) ?? TaskState.Open; set => StateName = StoredName.Of(value); }

    /// <summary>The stored column: acknowledged or done.</summary>
    [DataMember(Name = "State")]
    public string? StateName { get; set; }

    /// <summary>When the department set this state.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The department's note when marking its part done (at most 2,000 characters).</summary>
    public string? Note { get; set; }

    /// <summary>The department (the row key after the task's ordinals).</summary>
    [IgnoreDataMember]
    public string DepartmentId => RowKey[(RowKey.LastIndexOf('|') + 1)..];

    /// <summary>issue|doc|task.</summary>
    [IgnoreDataMember]
    public string TaskKey => PartitionKey + "|" + RowKey[..Math.Max(RowKey.LastIndexOf('|'), 0)];
}
