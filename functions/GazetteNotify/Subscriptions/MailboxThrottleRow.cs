using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// When a subscription mail (confirm or manage link) last went to an inbox, whichever of its addresses was typed
/// (victim+1@, victim+2@: <see cref="Mail.MailboxKey"/>): at most one per 10 minutes. PartitionKey = "mailbox-" +
/// SHA-256(mailbox key) hex, RowKey = "throttle". Erased by retention once older than the interval.
/// </summary>
[StoredIn("SubscribeRequests")]
public sealed class MailboxThrottleRow : TableRow
{
    public const string PartitionPrefix = "mailbox-";
    public const string Key = "throttle";

    public DateTimeOffset? LastMailAt { get; set; }
}
