namespace GazetteNotify.Mail;

/// <summary>A transport that sends one content to many recipients in one request, each as its own personalization.</summary>
public interface IBatchMailTransport : IMailTransport
{
    Task<MailSendResult> SendBatchAsync(EmailBatch batch, IReadOnlyList<BatchRecipient> recipients, CancellationToken cancellationToken = default);
}
