using MimeKit;

namespace GazetteNotify.Mail;

/// <summary>
/// The zero-setup transport for local runs: each mail becomes an .eml file in a folder, named by its delivery id, so
/// sending the same delivery again overwrites rather than duplicates. Open the files in any mail client.
/// </summary>
public sealed class OutboxTransport(string folder, MailboxAddress from, string domain = "gazette.local") : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var message = MimeMail.Build(mail, from, deliveryId, domain);
        var path = Path.Combine(Folder, SafeName(deliveryId) + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true); // whole files only: a reader never sees half a mail
        return MailSendResult.Success(message.MessageId ?? deliveryId);
    }

    private static string SafeName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
