
namespace GazetteNotify.Mail;

/// <summary>Where mail goes: SendGrid in Azure, SMTP for self-hosted relays and maildev, an outbox folder by default.</summary>
public interface IMailTransport
{
    /// <param name="deliveryId">Stable id of this delivery (ledger key): resending it must not make a second mail.</param>
    Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default);
}

/// <summary>What the transport said: sent (with its message id), or failed, and whether trying again may help.</summary>
public sealed record MailSendResult(bool Sent, string? MessageId, string? Error, bool Retryable)
{
    public static MailSendResult Success(string messageId) => new(true, messageId, null, false);

    public static MailSendResult Failure(string error, bool retryable) => new(false, null, error, retryable);

    /// <summary>
    /// The request went out and no answer came back in time: the provider may have accepted it. Not retried now (a
    /// second mail is worse than a doubt); recorded as `uncertain`, for SendGrid's events to settle (DeliveryLedger).
    /// </summary>
    public bool Uncertain { get; init; }

    public static MailSendResult Unanswered(string error) => new(false, null, error, false) { Uncertain = true };
}
