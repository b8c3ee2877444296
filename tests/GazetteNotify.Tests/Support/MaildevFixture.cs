namespace GazetteNotify.Tests.Support;

/// <summary>A real SMTP sink for the SMTP tests: maildev on 1025, its API on 1080.</summary>
public sealed class MaildevFixture : IDisposable
{
    public const int SmtpPort = 1025;
    public const int WebPort = 1080;

    private readonly LocalService _maildev = LocalService.Ensure("maildev",
        ["--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--silent"], SmtpPort, WebPort);

    public static Uri Api => new($"http://127.0.0.1:{WebPort}/api/");

    public void Dispose() => _maildev.Dispose();
}
