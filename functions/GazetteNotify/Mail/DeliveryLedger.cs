using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// Effectively-once sending: a row per (run, recipient) is written before the send and completed after. A rerun, a
/// redelivered message or a restart finds `sent` and skips; `sending` or `failed` is tried again — and transports key
/// their own idempotency on the same delivery id, so a crash between send and record cannot make a second mail.
/// </summary>
public sealed class DeliveryLedger(GazetteStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(storage.Names.DeliveriesTable);

    /// <summary>A recipient's ledger row key: part of the address' hash, never the address itself.</summary>
    public static string RecipientKey(Subscriptions.EmailAddress recipient) => recipient.Hash()[..32];

    /// <summary>The id transports key their own idempotency on: the run and the recipient.</summary>
    public static string DeliveryId(string run, string recipientKey) => $"{run}-{recipientKey[..16]}";

    /// <summary>Records the attempt; false when this delivery was already sent.</summary>
    public async Task<bool> BeginAsync(string run, string recipientKey, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(run, recipientKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("Status") == "sent") return false;
        var attempts = existing.HasValue ? (existing.Value!.GetInt32("Attempts") ?? 0) + 1 : 1;
        await Table.UpsertEntityAsync(new TableEntity(run, recipientKey)
        {
            ["Status"] = "sending",
            ["Attempts"] = attempts,
            ["StartedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public Task CompleteAsync(string run, string recipientKey, MailSendResult result, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(run, recipientKey)
        {
            ["Status"] = result.Sent ? "sent" : "failed",
            ["MessageId"] = result.MessageId,
            ["Error"] = result.Error,
            ["CompletedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);

    public async Task<List<TableEntity>> ListAsync(string run, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {run}"), cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }
}
