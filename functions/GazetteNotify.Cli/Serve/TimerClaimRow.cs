using GazetteNotify.Storage;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// One occurrence of a timer job claimed by a `gazette serve` runner, in the JobState table: partition
/// <c>timer-{job}</c>, row = the occurrence (yyyyMMddHHmmss, UTC). Inserted before the job runs, so of two runners on
/// one account only one runs it.
/// </summary>
[StoredIn("JobState")]
public sealed class TimerClaimRow : TableRow
{
    public const string PartitionPrefix = "timer-";

    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The runner that claimed it (a GUID per process): a retried insert that finds its own row still owns it.</summary>
    public string? Runner { get; set; }
}
