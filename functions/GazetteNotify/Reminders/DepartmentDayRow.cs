using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// A department's reminder mail of one day, in the Deliveries table: partition = the day's run (reminders-2026-03-02),
/// row = <c>dept-{department id}</c>. Claimed (planned) before the mail is sent or queued and closed (done) after, so a
/// department gets at most one reminder a day. The addresses' own rows sit beside it (<see cref="Mail.DeliveryRow"/>).
/// </summary>
[StoredIn("Deliveries")]
public sealed class DepartmentDayRow : TableRow
{
    /// <summary>What this kind's row keys start with: it tells them from the recipient rows of the same run.</summary>
    public const string RowPrefix = "dept-";

    [IgnoreDataMember]
    public DepartmentDayStatus? Status { get => StoredName.Parse<DepartmentDayStatus>(StatusName); set => StatusName = value is { } s ? StoredName.Of(s) : null; }

    /// <summary>The stored column: planned or done.</summary>
    [DataMember(Name = "Status")]
    public string? StatusName { get; set; }

    /// <summary>When the day was claimed.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>How many limits the mail named.</summary>
    public int? Items { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Where a department's day stands: claimed by a run (its mail may be on its way), or done.</summary>
public enum DepartmentDayStatus
{
    Planned,
    Done,
}
