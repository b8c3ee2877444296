using System.Net;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace GazetteNotify.Mail;

/// <summary>
/// SendGrid's v3 mail send API, through the SendGrid SDK. 429 and 5xx are retried with backoff that honours
/// Retry-After; other 4xx are failures carrying SendGrid's error text. The delivery id travels as a custom argument,
/// so the Event Webhook can tie bounces back to the ledger. The API key comes from configuration, never from code.
/// </summary>
public sealed class SendGridTransport(
    SendGridClient client, SendGrid.Helpers.Mail.EmailAddress from, int maxAttempts = 4, Func<TimeSpan, CancellationToken, Task>? delay = null) : IBatchMailTransport
{
    /// <summary>
    /// The custom argument each personalization carries its delivery id in; SendGrid returns it on every event of that
    /// mail, which is how `processed` / `delivered` / `dropped` settle an uncertain delivery (DeliveryLedger.SettleAsync).
    /// </summary>
    public const string DeliveryArgument = "delivery";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((wait, token) => Task.Delay(wait, token));

    public static SendGridTransport Create(string apiKey, string? host, SendGrid.Helpers.Mail.EmailAddress from, HttpClient? http = null)
    {
        var options = new SendGridClientOptions { ApiKey = apiKey };
        if (host is not null) options.Host = host;
        return new SendGridTransport(http is null ? new SendGridClient(options) : new SendGridClient(http, options), from);
    }

    public Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
    {
        var message = MailHelper.CreateSingleEmail(from, new SendGrid.Helpers.Mail.EmailAddress(mail.To), mail.Subject, mail.Text, mail.Html);
        foreach (var (name, value) in mail.Headers) message.AddHeader(name, value);
        message.AddCustomArg(DeliveryArgument, deliveryId);
        return SendWithRetriesAsync(message, deliveryId, cancellationToken);
    }

    /// <summary>
    /// One request for a whole batch: the content once, one personalization per recipient with their own links as
    /// substitutions, their own List-Unsubscribe and delivery id. Recipients never see each other.
    /// </summary>
    public Task<MailSendResult> SendBatchAsync(EmailBatch batch, IReadOnlyList<BatchRecipient> recipients, CancellationToken cancellationToken = default)
    {
        if (recipients.Count is 0 or > EmailBatch.MaxRecipients) throw new ArgumentException("a SendGrid request carries 1 to 1,000 personalizations", nameof(recipients));
        var message = new SendGridMessage { From = from, Subject = batch.Subject, PlainTextContent = batch.Text, HtmlContent = batch.Html };
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            var mail = batch.For(recipient);
            message.AddTo(new SendGrid.Helpers.Mail.EmailAddress(recipient.Email), i);
            message.AddSubstitutions(new Dictionary<string, string>
            {
                [EmailBatch.ManageSlot] = recipient.Links.Manage,
                [EmailBatch.UnsubscribeSlot] = recipient.Links.Unsubscribe,
                [EmailBatch.OneClickSlot] = recipient.Links.OneClickUnsubscribe,
            }, i);
            foreach (var (name, value) in mail.Headers) message.AddHeader(name, value, i);
            message.AddCustomArg(DeliveryArgument, recipient.DeliveryId, i);
        }

        return SendWithRetriesAsync(message, batch.Run, cancellationToken);
    }

    private async Task<MailSendResult> SendWithRetriesAsync(SendGridMessage message, string deliveryId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Response response;
            try
            {
                response = await client.SendEmailAsync(message, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < maxAttempts)
            {
                await _delay(Backoff(attempt, null), cancellationToken);
                continue;
            }
            catch (HttpRequestException e)
            {
                return MailSendResult.Failure($"SendGrid unreachable: {e.Message}", retryable: true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The HTTP timeout: the request was sent and SendGrid may have accepted it. No retry: its events settle it.
                return MailSendResult.Unanswered("SendGrid did not answer in time; the mail may have been accepted (left for its events to settle)");
            }

            if (response.IsSuccessStatusCode)
            {
                var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                return MailSendResult.Success(id ?? deliveryId);
            }

            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (retryable && attempt < maxAttempts)
            {
                await _delay(Backoff(attempt, response.Headers.RetryAfter?.Delta), cancellationToken);
                continue;
            }

            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            return MailSendResult.Failure($"SendGrid {(int)response.StatusCode}: {body}", retryable);
        }
    }

    /// <summary>Retry-After when SendGrid says it; otherwise 1 s, 2 s, 4 s … capped at a minute.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
        return wait > MaxBackoff ? MaxBackoff : wait;
    }
}
