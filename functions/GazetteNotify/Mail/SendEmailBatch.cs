namespace GazetteNotify.Mail;

/// <summary>
/// The one place mail is sent: a batch → each recipient's mail, through the Deliveries ledger ("claim, send,
/// complete"). As the queue job it takes an email-batches message; as the in-process sink of `gazette run` and
/// `gazette remind` it takes the batch itself. A batch handled twice, or again after a crash mid-batch, sends only what
/// is not yet recorded as sent. Failures are left in the ledger and reported, so the host retries the message (and
/// poisons it after its max dequeue count).
/// </summary>
public sealed class SendEmailBatch(EmailBatches queue, DeliveryLedger ledger, IMailTransport transport) : IEmailBatchSink
{
    /// <summary>
    /// When a batch waits only for deliveries another worker holds, how soon it is looked at again (host.json's
    /// visibilityTimeout): as a deferred copy, not a failed attempt — a worker killed mid-send holds its delivery for the
    /// whole <see cref="DeliveryLedger.SendingLease"/>, longer than maxDequeueCount failed attempts a minute apart last.
    /// </summary>
    public static readonly TimeSpan InFlightRecheck = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The job as the hosts run it: a batch that waits only for deliveries another worker holds (or a killed one, until
    /// its lease ends) is put back as a fresh message, visible after <paramref name="recheck"/>, and the one in hand
    /// counts as handled — not failed, so waiting out a lease never uses up the attempts and never poisons the batch.
    /// </summary>
    public async Task<BatchResult> RunOrDeferAsync(string messageText, TimeSpan recheck, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(messageText, cancellationToken);
        if (!result.WaitingOnAnotherWorker) return result;
        await queue.DeferAsync(messageText, recheck, cancellationToken);
        return result with { Deferred = true };
    }

    /// <summary>The queue job: the message names the batch's blob.</summary>
    public async Task<BatchResult> RunAsync(string messageText, CancellationToken cancellationToken = default) =>
        await SendAsync(await queue.ReadAsync(messageText, cancellationToken), cancellationToken);

    /// <summary>The in-process sink: the batch is sent now, and the result says who was served.</summary>
    public Task<BatchResult> SubmitAsync(EmailBatch batch, CancellationToken cancellationToken = default) => SendAsync(batch, cancellationToken);

    public async Task<BatchResult> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        if (transport is IBatchMailTransport batching) return await SendAsOneRequestAsync(batch, batching, cancellationToken);
        int sent = 0, skipped = 0, failed = 0, uncertain = 0;
        var inFlight = 0;
        var unserved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in batch.Recipients)
        {
            var claim = await ledger.ClaimAsync(batch.Run, recipient.RecipientKey, cancellationToken);
            if (claim != DeliveryClaim.Go)
            {
                if (claim is DeliveryClaim.InFlight or DeliveryClaim.Unsettled) inFlight++;
                else skipped++;
                continue;
            }

            var result = await transport.SendAsync(batch.For(recipient), recipient.DeliveryId, cancellationToken);
            await ledger.CompleteAsync(batch.Run, recipient.RecipientKey, result, cancellationToken);
            if (result.Sent) sent++;
            else if (result.Uncertain) uncertain++;
            else failed++;
            if (!result.Sent) unserved.Add(recipient.RecipientKey);
        }

        return new BatchResult(sent, skipped, failed) { Uncertain = uncertain, InFlight = inFlight, Unserved = unserved };
    }

    /// <summary>One request for everyone in the batch not yet recorded as sent.</summary>
    private async Task<BatchResult> SendAsOneRequestAsync(EmailBatch batch, IBatchMailTransport batching, CancellationToken cancellationToken)
    {
        var claims = await ledger.ClaimAsync(batch.Run, batch.Recipients.Select(r => r.RecipientKey), cancellationToken);
        var inFlight = claims.Values.Count(c => c is DeliveryClaim.InFlight or DeliveryClaim.Unsettled);
        var once = new HashSet<string>(StringComparer.Ordinal); // a recipient listed twice is still sent once
        var pending = batch.Recipients.Where(r => claims[r.RecipientKey] == DeliveryClaim.Go && once.Add(r.RecipientKey)).ToList();
        var skipped = batch.Recipients.Count - pending.Count - inFlight;
        if (pending.Count == 0) return new BatchResult(0, skipped, 0) { InFlight = inFlight };
        var result = await batching.SendBatchAsync(batch, pending, cancellationToken);
        await ledger.CompleteAsync(batch.Run, pending.Select(r => r.RecipientKey), result, cancellationToken);
        var unserved = result.Sent ? [] : pending.Select(r => r.RecipientKey).ToHashSet(StringComparer.Ordinal);
        return (result.Sent ? new BatchResult(pending.Count, skipped, 0)
            : result.Uncertain ? new BatchResult(0, skipped, 0) { Uncertain = pending.Count }
            : new BatchResult(0, skipped, pending.Count)) with { InFlight = inFlight, Unserved = unserved };
    }
}

public sealed record BatchResult(int Sent, int AlreadySent, int Failed)
{
    /// <summary>Deliveries whose request got no answer: recorded `uncertain`, left for SendGrid's events to settle.</summary>
    public int Uncertain { get; init; }

    /// <summary>
    /// Deliveries another worker is sending right now, or that may have reached the provider and wait for its events
    /// (<see cref="DeliveryClaim.Unsettled"/>): the message must stay for a later look.
    /// </summary>
    public int InFlight { get; init; }

    /// <summary>Whether the queue message is done with: nothing failed and nothing left in another worker's hands.</summary>
    public bool Complete => Failed == 0 && InFlight == 0;

    /// <summary>
    /// Nothing failed, but some deliveries are in another worker's hands (or a dead worker's, until its lease ends):
    /// the message is deferred (<see cref="SendEmailBatch.RunOrDeferAsync"/>) rather than failed.
    /// </summary>
    public bool WaitingOnAnotherWorker => Failed == 0 && InFlight > 0;

    /// <summary>Put back as a fresh message for a later look: the message in hand is done with.</summary>
    public bool Deferred { get; init; }

    /// <summary>Handed to the email-batches queue, not sent yet: the hosts' sink (<see cref="EmailBatches"/>).</summary>
    public bool WasQueued { get; init; }

    /// <summary>
    /// Recipient keys whose mail failed or got no answer in this attempt: not served, so a job does not count them as
    /// having had their mail (a later run tries the failed ones again; the ledger keeps the uncertain ones from a second).
    /// </summary>
    public IReadOnlySet<string> Unserved { get; init; } = NoOne;

    private static readonly IReadOnlySet<string> NoOne = new HashSet<string>();

    /// <summary>What the queue sink answers.</summary>
    public static BatchResult Queued { get; } = new(0, 0, 0) { WasQueued = true };

    /// <summary>Equal counts and flags, and the same unserved recipients (by content, not by set instance).</summary>
    public bool Equals(BatchResult? other) =>
        other is not null && (Sent, AlreadySent, Failed, Uncertain, InFlight, Deferred, WasQueued) ==
        (other.Sent, other.AlreadySent, other.Failed, other.Uncertain, other.InFlight, other.Deferred, other.WasQueued) && Unserved.SetEquals(other.Unserved);

    public override int GetHashCode() => HashCode.Combine(Sent, AlreadySent, Failed, Uncertain, InFlight, Deferred, WasQueued, Unserved.Count);
}
