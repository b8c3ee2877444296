using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// SendGrid's Event Webhook: the request is accepted only when its ECDSA signature (P-256, SHA-256 over timestamp +
/// body, key from configuration) verifies. bounce, dropped, spamreport and unsubscribe events are recorded; a hard
/// bounce or a spam report suppresses the address, and an unsubscribe event unsubscribes it. Events carrying a delivery
/// id (the custom argument every personalization is sent with) settle that delivery in the ledger. Each event is done
/// once: processed events are remembered (WebhookEvents), so a replayed post changes nothing and says so.
/// </summary>
public sealed class SendGridEvents(GazetteStorage storage, SubscriberStore subscribers, string publicKeyBase64, TimeProvider clock)
{
    /// <summary>Settles deliveries by the events' delivery ids; its timings play no part in settling.</summary>
    private readonly DeliveryLedger _ledger = new(storage, clock);

    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>
    /// How far the signed timestamp may be from now. SendGrid posts within seconds of signing; a captured request
    /// replayed later (or a signature over a 2019 timestamp) falls outside and is refused, whatever its signature.
    /// </summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>True when the signed timestamp (Unix seconds) is within <see cref="TimestampTolerance"/> of now.</summary>
    public bool IsFresh(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= TimestampTolerance;

    /// <summary>True when SendGrid signed exactly this body at this timestamp.</summary>
    public bool Verify(string? signatureBase64, string? timestamp, byte[] body)
    {
        if (string.IsNullOrEmpty(signatureBase64) || string.IsNullOrEmpty(timestamp)) return false;
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKeyBase64), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return key.VerifyData(signed, Convert.FromBase64String(signatureBase64), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Handles a verified batch of events, each once: an event already processed (the same post replayed inside the
    /// timestamp tolerance, or SendGrid's own retry) is counted as such and does nothing. Says how many it processed,
    /// unsubscribed, suppressed and settled, and how many it had seen before.
    /// </summary>
    public async Task<EventTally> RecordAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var memory = storage.Table(storage.Names.WebhookEventsTable);
        using var json = JsonDocument.Parse(body);
        var tally = new EventTally(0, 0, 0);
        foreach (var e in json.RootElement.EnumerateArray())
        {
            var (partition, row) = KeyOf(e);
            if ((await memory.GetEntityIfExistsAsync<WebhookEventRow>(partition, row, [nameof(WebhookEventRow.RowKey)], cancellationToken)).HasValue)
            {
                tally = tally with { Repeated = tally.Repeated + 1 };
                continue;
            }

            // Done first, remembered after: every effect is idempotent, so a crash in between only means the event is
            // done again when SendGrid retries. Of two copies at once both may act, but only the one whose insert wins
            // counts it — the other says "already processed", and the counts stay true.
            var done = await ProcessAsync(e, cancellationToken);
            try
            {
                await memory.AddEntityAsync(new WebhookEventRow { PartitionKey = partition, RowKey = row, Event = KindOf(e) }, cancellationToken);
            }
            catch (RequestFailedException failed) when (failed.Status == 409)
            {
                tally = tally with { Repeated = tally.Repeated + 1 };
                continue;
            }

            tally = new EventTally(tally.Events + 1, tally.Unsubscribed + done.Unsubscribed, tally.Suppressed + done.Suppressed)
            {
                Settled = tally.Settled + done.Settled,
                Repeated = tally.Repeated,
            };
        }

        return tally;
    }

    /// <summary>
    /// How long processed events are remembered, by the event's own day: SendGrid retries a post for 24 hours, and a
    /// captured one is refused after 5 minutes anyway; ApplyRetention deletes older days.
    /// </summary>
    public static readonly TimeSpan MemoryRetention = TimeSpan.FromDays(3);

    /// <summary>The memory's partition for a day: yyyy-MM-dd, so older days are one key range.</summary>
    public static string MemoryPartition(DateTimeOffset day) => day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? KindOf(JsonElement e) => e.TryGetProperty("event", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;

    /// <summary>
    /// Where an event is remembered: its day (from its signed timestamp; today without one) and its sg_event_id — or,
    /// without a usable one, a hash of the event as posted (a replay posts the same bytes).
    /// </summary>
    private (string Partition, string Row) KeyOf(JsonElement e)
    {
        var day = e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) && seconds is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
        var id = e.TryGetProperty("sg_event_id", out var eid) && eid.ValueKind == JsonValueKind.String ? eid.GetString() : null;
        var usable = id is { Length: > 0 and <= 200 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or '+');
        return (MemoryPartition(day), usable ? "id-" + id : "sha-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.GetRawText())))[..40]);
    }

    private sealed record Effects(int Unsubscribed, int Suppressed, int Settled);

    private async Task<Effects> ProcessAsync(JsonElement e, CancellationToken cancellationToken)
    {
        var kind = KindOf(e);
        var settled = 0;
        if (kind is not null && e.TryGetProperty(SendGridTransport.DeliveryArgument, out var delivery) && delivery.ValueKind == JsonValueKind.String
            && await _ledger.SettleAsync(delivery.GetString()!, kind, e.TryGetProperty("reason", out var reason) ? reason.GetString() : null, cancellationToken))
        {
            settled = 1;
        }

        if (!e.TryGetProperty("email", out var emailProperty) || !EmailAddress.TryParse(emailProperty.GetString(), out var email)) return new Effects(0, 0, settled);
        var unsubscribed = 0;
        var hard = kind == "spamreport" || kind == "bounce" && (!e.TryGetProperty("type", out var type) || type.GetString() != "blocked");
        if (kind == "unsubscribe" || kind == "group_unsubscribe")
        {
            await subscribers.UnsubscribeAsync(email!, cancellationToken);
            unsubscribed = 1;
        }

        if (!hard) return new Effects(unsubscribed, 0, settled);
        await storage.Table(storage.Names.SuppressionsTable).UpsertEntityAsync(new SuppressionRow
        {
            PartitionKey = SubscriberStore.PartitionOf(email!),
            RowKey = email!.Value,
            Reason = kind,
            EventTime = e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        return new Effects(unsubscribed, 1, settled);
    }

    /// <summary>The suppressed addresses, for the planner to skip.</summary>
    public static async Task<HashSet<string>> SuppressedAsync(GazetteStorage storage, CancellationToken cancellationToken = default)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.Table(storage.Names.SuppressionsTable).QueryAsync<SuppressionRow>(select: [nameof(SuppressionRow.RowKey)], cancellationToken: cancellationToken)) set.Add(row.RowKey);
        return set;
    }
}

/// <summary>
/// What a webhook post did: events processed (new ones), addresses unsubscribed, addresses suppressed (hard bounce,
/// spam report), deliveries settled in the ledger, and events already processed before (a replay), which did nothing.
/// </summary>
public sealed record EventTally(int Events, int Unsubscribed, int Suppressed)
{
    public int Settled { get; init; }

    public int Repeated { get; init; }

    public override string ToString() => $"{Events} events: {Unsubscribed} unsubscribed, {Suppressed} suppressed"
        + (Settled > 0 ? $", {Settled} deliveries settled" : "")
        + (Repeated > 0 ? $"; {Repeated} already processed" : "");
}
