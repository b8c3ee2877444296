using Azure;
using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// Effectively-once sending: a row per (run, recipient) is written before the send and completed after. The rules:
/// <list type="bullet">
/// <item>`sent`, `dropped`, or any row the provider's events settled (<see cref="DeliveryRow.SettledBy"/>): never sent again.</item>
/// <item>`sending` within the lease: another worker has it — hands off.</item>
/// <item>`sending` past the lease (its worker died, maybe after the provider accepted the mail) or `uncertain` (the
/// request got no answer): the provider may have it. It is marked `uncertain` and waits for SendGrid's events
/// (processed/delivered → `sent`, dropped → `dropped`, via <see cref="SettleAsync"/>); only when none came within the
/// <see cref="DeliveryTimings.UncertainWindow"/> of its claim is it sent again.</item>
/// <item>`failed`: tried again by a rerun or a redelivered batch.</item>
/// </list>
/// Every send carries the delivery id (SendGrid custom argument `delivery`, Message-Id for SMTP and the outbox), which
/// is what the events bring back.
/// </summary>
public sealed class DeliveryLedger(GazetteStorage storage, TimeProvider clock, DeliveryTimings? timings = null)
{
    private readonly DeliveryTimings _timings = timings ?? DeliveryTimings.Default;

    private TableClient Table => storage.Table(storage.Names.DeliveriesTable);

    /// <summary>A recipient's ledger row key: part of the address' hash, never the address itself.</summary>
    public static string RecipientKey(Mail.EmailAddress recipient) => recipient.Hash()[..32];

    /// <summary>The id transports key their own idempotency on: the run and the recipient.</summary>
    public static string DeliveryId(string run, string recipientKey) => $"{run}-{recipientKey[..16]}";

    /// <summary>
    /// How long a `sending` row belongs to the worker that wrote it: the Functions timeout. Within it, another worker
    /// (a queue message redelivered while the first still runs) keeps its hands off; after it, the first is dead.
    /// </summary>
    public static readonly TimeSpan SendingLease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long after its claim a delivery that may have reached the provider waits for an event before it is sent
    /// again. SendGrid posts events within seconds to minutes and retries a failed post; an hour covers that and a
    /// short outage of our own endpoint, and delays a mail that never left (the worker died before the request) by an
    /// hour at most — for a daily digest, better than a duplicate (docs/adr/0047-uncertain-deliveries-wait-for-sendgrids-events.md).
    /// </summary>
    public static readonly TimeSpan UncertainWindow = TimeSpan.FromHours(1);

    /// <summary>Records the attempt; false when this delivery was already sent or another worker is sending it.</summary>
    public async Task<bool> BeginAsync(string run, string recipientKey, CancellationToken cancellationToken) =>
        await ClaimAsync(run, recipientKey, cancellationToken) == DeliveryClaim.Go;

    /// <summary>
    /// Claims the delivery with optimistic concurrency (insert, or replace under the row's ETag): of two workers racing
    /// for one delivery exactly one gets <see cref="DeliveryClaim.Go"/>.
    /// </summary>
    public async Task<DeliveryClaim> ClaimAsync(string run, string recipientKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = clock.GetUtcNow();
            var existing = await Table.GetEntityIfExistsAsync<DeliveryRow>(run, recipientKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                try
                {
                    await Table.AddEntityAsync(FirstAttempt(run, recipientKey, now), cancellationToken);
                    return DeliveryClaim.Go;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue; // another worker inserted it first: look again
                }
            }

            var row = existing.Value!;
            if (row.SettledBy is not null || row.Status is DeliveryStatus.Sent or DeliveryStatus.Dropped) return DeliveryClaim.Done;
            var age = now - (row.StartedAt ?? DateTimeOffset.MinValue);
            if (row.Status == DeliveryStatus.Sending && age < _timings.SendingLease) return DeliveryClaim.InFlight;
            if (row.Status is DeliveryStatus.Sending or DeliveryStatus.Uncertain && age < _timings.UncertainWindow)
            {
                if (row.Status == DeliveryStatus.Uncertain) return DeliveryClaim.Unsettled;
                try
                {
                    // A dead worker's claim: it may have handed the mail over before it died. Said so in the ledger,
                    // and left for the events (or the window) to decide.
                    await Table.UpdateEntityAsync(new TableEntity(run, recipientKey)
                    {
                        [nameof(DeliveryRow.Status)] = StoredName.Of(DeliveryStatus.Uncertain),
                        [nameof(DeliveryRow.Error)] = "worker ended before the send was recorded; awaiting SendGrid's events",
                    }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                    return DeliveryClaim.Unsettled;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    continue; // changed meanwhile (an event settled it, another worker marked it): decide again
                }
            }

            row.Status = DeliveryStatus.Sending;
            row.Attempts = (row.Attempts ?? 0) + 1;
            row.StartedAt = now;
            try
            {
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return DeliveryClaim.Go;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed meanwhile: decide again on what is there now.
            }
        }

        return DeliveryClaim.InFlight;
    }

    /// <summary>
    /// <see cref="ClaimAsync(string, string, CancellationToken)"/> for a whole batch (one run: one partition). On a
    /// batch's first delivery no recipient has a row yet, so they are claimed by inserts, 100 to a transaction, instead
    /// of a read and a write each: 1,000 recipients take 10 round trips, not 2,000. A transaction is all or nothing, so
    /// one that meets an existing row (a redelivery, a racing worker) wrote nothing, and its recipients are claimed one
    /// by one as before — exactly one worker still gets <see cref="DeliveryClaim.Go"/> for each delivery.
    /// </summary>
    public async Task<Dictionary<string, DeliveryClaim>> ClaimAsync(string run, IEnumerable<string> recipientKeys, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, DeliveryClaim>(StringComparer.Ordinal);
        foreach (var chunk in recipientKeys.Distinct(StringComparer.Ordinal).Chunk(TableBatches.MaxBatch))
        {
            var now = clock.GetUtcNow();
            try
            {
                await Table.SubmitTransactionAsync(
                    chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Add, FirstAttempt(run, key, now))), cancellationToken);
                foreach (var key in chunk) claims[key] = DeliveryClaim.Go;
            }
            catch (TableTransactionFailedException)
            {
                foreach (var key in chunk) claims[key] = await ClaimAsync(run, key, cancellationToken);
            }
        }

        return claims;
    }

    public Task CompleteAsync(string run, string recipientKey, MailSendResult result, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(Completed(run, recipientKey, result), TableUpdateMode.Merge, cancellationToken);

    /// <summary>Completes a batch's deliveries with one outcome (one request carried them all), 100 to a transaction.</summary>
    public Task CompleteAsync(string run, IEnumerable<string> recipientKeys, MailSendResult result, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(Table, recipientKeys.Distinct(StringComparer.Ordinal).Select(key => Completed(run, key, result)), TableTransactionActionType.UpsertMerge, cancellationToken);

    /// <summary>
    /// What SendGrid's event webhook says of a delivery (by the id its custom argument carried): `processed`,
    /// `delivered`, `deferred` or `bounce` prove the provider has the mail — `sent`, never sent again; `dropped` says it
    /// will not deliver it (an address on its suppression list, say) — `dropped`, final: a resend would be dropped too.
    /// False when the id names no row of ours, or the event settles nothing.
    /// </summary>
    public async Task<bool> SettleAsync(string deliveryId, string eventKind, string? reason, CancellationToken cancellationToken)
    {
        var accepted = eventKind is "processed" or "delivered" or "deferred" or "bounce";
        if (!accepted && eventKind != "dropped") return false;
        if (deliveryId.Length < 18 || deliveryId[^17] != '-') return false;
        var (run, prefix) = (deliveryId[..^17], deliveryId[^16..]);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {run} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var settled = false;
        await foreach (var row in Table.QueryAsync<DeliveryRow>(filter, cancellationToken: cancellationToken))
        {
            // Already settled as taken; or dropped, which a `processed` arriving late (events need not come in order) does not undo.
            if (accepted && (row.SettledBy is "processed" or "delivered" or "deferred" or "bounce" && row.Status == DeliveryStatus.Sent
                             || row.SettledBy == "dropped" && eventKind == "processed")) continue;
            var patch = new TableEntity(row.PartitionKey, row.RowKey)
            {
                [nameof(DeliveryRow.SettledBy)] = eventKind,
                [nameof(DeliveryRow.SettledAt)] = clock.GetUtcNow(),
                [nameof(DeliveryRow.Status)] = StoredName.Of(accepted ? DeliveryStatus.Sent : DeliveryStatus.Dropped),
            };
            if (!accepted) patch[nameof(DeliveryRow.Error)] = Redaction.Redact("SendGrid dropped it: " + (reason ?? "no reason given"));
            await Table.UpsertEntityAsync(patch, TableUpdateMode.Merge, cancellationToken);
            settled = true;
        }

        return settled;
    }

    private static DeliveryRow FirstAttempt(string run, string recipientKey, DateTimeOffset now) =>
        new() { PartitionKey = run, RowKey = recipientKey, Status = DeliveryStatus.Sending, Attempts = 1, StartedAt = now };

    /// <summary>
    /// The outcome, merged onto the claim (its Attempts and StartedAt stay): a patch of exactly these columns, not a
    /// whole row — a typed row would send its empty columns too.
    /// </summary>
    private TableEntity Completed(string run, string recipientKey, MailSendResult result) => new(run, recipientKey)
    {
        [nameof(DeliveryRow.Status)] = StoredName.Of(result.Sent ? DeliveryStatus.Sent : result.Uncertain ? DeliveryStatus.Uncertain : DeliveryStatus.Failed),
        [nameof(DeliveryRow.MessageId)] = result.MessageId,
        [nameof(DeliveryRow.Error)] = Redaction.Redact(result.Error),
        [nameof(DeliveryRow.CompletedAt)] = clock.GetUtcNow(),
    };

    public async Task<List<DeliveryRow>> ListAsync(string run, CancellationToken cancellationToken = default)
    {
        var rows = new List<DeliveryRow>();
        await foreach (var row in Table.QueryAsync<DeliveryRow>(TableClient.CreateQueryFilter($"PartitionKey eq {run}"), cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }
}

/// <summary>The ledger's answer to "may I send this?".</summary>
public enum DeliveryClaim
{
    /// <summary>This worker sends it.</summary>
    Go,
    /// <summary>Sent already, dropped by the provider, or settled by its events.</summary>
    Done,
    /// <summary>Another worker is sending it right now: leave it, and leave the message for a later look.</summary>
    InFlight,
    /// <summary>
    /// The provider may have it (a dead worker's claim, or a request without an answer): waiting for its events until
    /// the uncertain window ends — like <see cref="InFlight"/>, the message stays for a later look.
    /// </summary>
    Unsettled,
}
