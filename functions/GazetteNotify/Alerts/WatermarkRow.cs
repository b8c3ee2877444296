using GazetteNotify.Storage;

namespace GazetteNotify.Alerts;

/// <summary>
/// A timer job's watermark in the JobState table: partition <c>watermarks</c>, row = the job (<c>alerts</c>). The alerts
/// job's holds the ingestion time of the newest issue its last complete run covered; it moves only when every digest
/// of a run is recorded as sent.
/// </summary>
[StoredIn("JobState")]
public sealed class WatermarkRow : TableRow
{
    public const string Partition = "watermarks";

    /// <summary>The alerts job's row.</summary>
    public const string Alerts = "alerts";

    public DateTimeOffset? LastIngestedAt { get; set; }
}
