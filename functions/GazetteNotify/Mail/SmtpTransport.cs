using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace GazetteNotify.Mail;

/// <summary>
/// SMTP through MailKit: a self-hosted relay, or maildev locally (SMTP 1025, web UI 1080). A refused or dropped
/// connection and 4xx replies are retryable; 5xx replies (a rejected recipient, say) are not.
/// </summary>
public sealed class SmtpTransport(string host, int port, MailboxAddress from, SecureSocketOptions security = SecureSocketOptions.None,
    string? userName = null, string? password = null, string domain = "gazette.local") : IMailTransport
{
    public async Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
    {
        var message = MimeMail.Build(mail, from, deliveryId, domain);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(host, port, security, cancellationToken);
            if (userName is not null) await client.AuthenticateAsync(userName, password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return MailSendResult.Success(message.MessageId ?? deliveryId);
        }
        catch (SmtpCommandException e)
        {
            return MailSendResult.Failure($"SMTP {(int)e.StatusCode}: {e.Message}", retryable: (int)e.StatusCode < 500);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return MailSendResult.Failure($"SMTP server {host}:{port} unreachable: {e.Message}", retryable: true);
        }
    }
}
