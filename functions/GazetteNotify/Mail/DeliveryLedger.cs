using Azure;
using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// Effectively-once sending: a row per (run, recipient) is written before the send and completed after. A rerun, a
/// redelivered message or a restart finds `sent` (or `uncertain`: the provider may have it) and skips; `sending` or
/// `failed` is tried again — and transports key
/// their own idempotency on the same delivery id, so a crash between send and record cannot make a second mail.
/// </summary>
public sealed class DeliveryLedger(GazetteStorage storage, TimeProvider clock)
{
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
            if (row.Status is DeliveryStatus.Sent or DeliveryStatus.Uncertain) return DeliveryClaim.Done;
            if (row.Status == DeliveryStatus.Sending && row.StartedAt is { } started && now - started < SendingLease) return DeliveryClaim.InFlight;
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
    /// <summary>Sent already (or uncertain: the provider may have it).</summary>
    Done,
    /// <summary>Another worker is sending it right now: leave it, and leave the message for a later look.</summary>
    InFlight,
}
