using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// Batches that failed every delivery attempt and landed on email-batches-poison: recorded for the admin with what
/// they were (run, subject, recipients), how far they got (sent / failed per the ledger) and the last error, so
/// nothing fails silently. Recording is idempotent (keyed by the message), and a message that is not even a batch is
/// recorded as such, never thrown back.
/// </summary>
public sealed class PoisonedBatches(GazetteStorage storage, EmailBatches batches, DeliveryLedger ledger, TimeProvider clock)
{
    public const string Partition = "poisoned";

    private TableClient Table => storage.Table(storage.Names.PoisonedBatchesTable);

    public async Task<PoisonedBatchRow> RecordAsync(string messageText, string? messageId, long dequeueCount, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var key = messageId is { Length: > 0 } ? messageId : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageText)))[..32];
        var row = new PoisonedBatchRow
        {
            PartitionKey = Partition,
            RowKey = key,
            RecordedAt = clock.GetUtcNow(),
            DequeueCount = dequeueCount,
            Message = messageText.Length > 1000 ? messageText[..1000] : messageText,
        };
        try
        {
            var batch = await batches.ReadAsync(messageText, cancellationToken);
            var outcome = (await ledger.ListAsync(batch.Run, cancellationToken))
                .Where(r => batch.Recipients.Any(p => p.RecipientKey == r.RowKey)).ToList();
            row.Run = batch.Run;
            row.Subject = batch.Subject;
            row.Recipients = batch.Recipients.Count;
            row.Sent = outcome.Count(r => r.Status == DeliveryStatus.Sent);
            row.Failed = outcome.Count(r => r.Status == DeliveryStatus.Failed);
            row.Error = outcome.Select(r => r.Error).LastOrDefault(e => e is not null) ?? "no error recorded (the worker stopped or timed out)";
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or Azure.RequestFailedException or NotSupportedException)
        {
            row.Error = $"not a readable batch: {e.GetType().Name}: {e.Message}";
        }

        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return row;
    }

    public async Task<List<PoisonedBatchRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var rows = new List<PoisonedBatchRow>();
        await foreach (var row in Table.QueryAsync<PoisonedBatchRow>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken)) rows.Add(row);
        return rows.OrderByDescending(r => r.RecordedAt).ToList();
    }
}
