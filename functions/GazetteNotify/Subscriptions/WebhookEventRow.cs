using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// A SendGrid event the webhook has processed, remembered so that a replayed post (a capture sent again inside the
/// 5-minute tolerance, or SendGrid's own retry) does it no second time: partition = the event's day (yyyy-MM-dd, UTC,
/// from its signed `timestamp`), row = its `sg_event_id` (or, without one, a hash of the event as posted).
/// </summary>
[StoredIn("WebhookEvents")]
public sealed class WebhookEventRow : TableRow
{
    /// <summary>The event kind (processed, delivered, bounce, unsubscribe …): what was done for it.</summary>
    public string? Event { get; set; }
}
