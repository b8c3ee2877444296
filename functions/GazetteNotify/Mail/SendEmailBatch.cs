namespace GazetteNotify.Mail;

/// <summary>
/// The queue job: one email-batches message → each recipient's mail, through the Deliveries ledger. A message
/// delivered twice, or again after a crash mid-batch, sends only what is not yet recorded as sent. Failures are left
/// in the ledger and reported, so the host retries the message (and poisons it after its max dequeue count).
/// </summary>
public sealed class SendEmailBatch(EmailBatches queue, DeliveryLedger ledger, IMailTransport transport)
{
    public async Task<BatchResult> RunAsync(string messageText, CancellationToken cancellationToken = default)
    {
        var batch = await queue.ReadAsync(messageText, cancellationToken);
        if (transport is IBatchMailTransport batching) return await RunAsBatchAsync(batch, batching, cancellationToken);
        int sent = 0, skipped = 0, failed = 0;
        foreach (var recipient in batch.Recipients)
        {
            if (!await ledger.BeginAsync(batch.Run, recipient.RecipientKey, cancellationToken))
            {
                skipped++;
                continue;
            }

            var result = await transport.SendAsync(batch.For(recipient), recipient.DeliveryId, cancellationToken);
            await ledger.CompleteAsync(batch.Run, recipient.RecipientKey, result, cancellationToken);
            if (result.Sent) sent++;
            else failed++;
        }

        return new BatchResult(sent, skipped, failed);
    }

    /// <summary>One request for everyone in the batch not yet recorded as sent.</summary>
    private async Task<BatchResult> RunAsBatchAsync(EmailBatch batch, IBatchMailTransport batching, CancellationToken cancellationToken)
    {
        var pending = new List<BatchRecipient>(batch.Recipients.Count);
        foreach (var recipient in batch.Recipients)
        {
            if (await ledger.BeginAsync(batch.Run, recipient.RecipientKey, cancellationToken)) pending.Add(recipient);
        }

        var skipped = batch.Recipients.Count - pending.Count;
        if (pending.Count == 0) return new BatchResult(0, skipped, 0);
        var result = await batching.SendBatchAsync(batch, pending, cancellationToken);
        foreach (var recipient in pending) await ledger.CompleteAsync(batch.Run, recipient.RecipientKey, result, cancellationToken);
        return result.Sent ? new BatchResult(pending.Count, skipped, 0) : new BatchResult(0, skipped, pending.Count);
    }
}

public sealed record BatchResult(int Sent, int AlreadySent, int Failed);
