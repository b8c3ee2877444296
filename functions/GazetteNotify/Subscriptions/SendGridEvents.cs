using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// SendGrid's Event Webhook: the request is accepted only when its ECDSA signature (P-256, SHA-256 over timestamp +
/// body, key from configuration) verifies. bounce, dropped, spamreport and unsubscribe events are recorded; a hard
/// bounce or a spam report suppresses the address, and an unsubscribe event unsubscribes it.
/// </summary>
public sealed class SendGridEvents(GazetteStorage storage, SubscriberStore subscribers, string publicKeyBase64, TimeProvider clock)
{
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

    /// <summary>Handles a verified batch of events; says how many it read, unsubscribed and suppressed.</summary>
    public async Task<EventTally> RecordAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        int events = 0, unsubscribed = 0, suppressed = 0;
        foreach (var e in json.RootElement.EnumerateArray())
        {
            events++;
            var kind = e.TryGetProperty("event", out var k) ? k.GetString() : null;
            if (!e.TryGetProperty("email", out var emailProperty) || !EmailAddress.TryParse(emailProperty.GetString(), out var email)) continue;
            var hard = kind == "spamreport" || kind == "bounce" && (!e.TryGetProperty("type", out var type) || type.GetString() != "blocked");
            if (kind == "unsubscribe" || kind == "group_unsubscribe")
            {
                await subscribers.UnsubscribeAsync(email!, cancellationToken);
                unsubscribed++;
            }

            if (!hard) continue;
            await storage.Table(storage.Names.SuppressionsTable).UpsertEntityAsync(new SuppressionRow
            {
                PartitionKey = SubscriberStore.PartitionOf(email!),
                RowKey = email!.Value,
                Reason = kind,
                EventTime = e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow(),
            }, TableUpdateMode.Replace, cancellationToken);
            suppressed++;
        }

        return new EventTally(events, unsubscribed, suppressed);
    }

    /// <summary>The suppressed addresses, for the planner to skip.</summary>
    public static async Task<HashSet<string>> SuppressedAsync(GazetteStorage storage, CancellationToken cancellationToken = default)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.Table(storage.Names.SuppressionsTable).QueryAsync<SuppressionRow>(select: [nameof(SuppressionRow.RowKey)], cancellationToken: cancellationToken)) set.Add(row.RowKey);
        return set;
    }
}

/// <summary>What a webhook post did: events read, addresses unsubscribed, addresses suppressed (hard bounce, spam report).</summary>
public sealed record EventTally(int Events, int Unsubscribed, int Suppressed)
{
    public override string ToString() => $"{Events} events: {Unsubscribed} unsubscribed, {Suppressed} suppressed";
}
