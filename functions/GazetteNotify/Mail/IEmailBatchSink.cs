namespace GazetteNotify.Mail;

/// <summary>
/// Where the mail jobs put what they want sent: a job only produces <see cref="EmailBatch"/>es. In the hosts the sink
/// is the email-batches queue (<see cref="EmailBatches"/>), whose consumer <see cref="SendEmailBatch"/> sends them; for
/// `gazette run` and `gazette remind` it is <see cref="SendEmailBatch"/> itself, in-process. Either way the ledger loop
/// ("claim, send, complete") is the one in SendEmailBatch.
/// </summary>
public interface IEmailBatchSink
{
    /// <summary>Queues or sends the batch; the result says which, and (when sent) which recipients were not served.</summary>
    Task<BatchResult> SubmitAsync(EmailBatch batch, CancellationToken cancellationToken = default);
}
