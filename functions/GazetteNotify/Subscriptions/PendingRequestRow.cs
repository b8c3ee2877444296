using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// One subscribe request that was mailed a confirm link, with the preferences it asked for: the link names this row,
/// and confirming activates exactly these preferences (issue 21, finding 4; docs/adr). PartitionKey = SHA-256(address)
/// hex, RowKey = the request id (32 hex, random). Erased when the address is confirmed, or 7 days after the request.
/// </summary>
[StoredIn("SubscribeRequests")]
public sealed class PendingRequestRow : PreferencesRow
{
    public DateTimeOffset? CreatedAt { get; set; }
}
