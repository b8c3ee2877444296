using System.Net.Http.Json;
using System.Text.Json;

namespace GazetteNotify.Tests.Support;

/// <summary>A real SMTP sink: maildev on 1025, its API on 1080.</summary>
public sealed class MaildevFixture : IDisposable
{
    public const int SmtpPort = 1025;
    public const int WebPort = 1080;

    // One maildev for the whole run, whichever classes use it (they may run in parallel): started by the first fixture,
    // stopped when the last one is disposed — as AzuriteFixture does.
    private static readonly Lock Gate = new();
    private static LocalService? _maildev;
    private static int _users;

    public MaildevFixture()
    {
        lock (Gate)
        {
            _maildev ??= LocalService.Ensure("maildev", ["--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--silent"], SmtpPort, WebPort);
            _users++;
        }
    }

    public static Uri Api => new($"http://127.0.0.1:{WebPort}/api/");

    /// <summary>The mails maildev holds for one address (its JSON: subject, html, text, id), waiting up to 20 s for the first.</summary>
    public static async Task<List<JsonElement>> MailsToAsync(string address, int atLeast = 1)
    {
        using var http = new HttpClient { BaseAddress = Api };
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var all = await http.GetFromJsonAsync<JsonElement>("email");
            var mine = all.EnumerateArray().Where(m => m.GetProperty("to").EnumerateArray()
                .Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase))).Select(m => m.Clone()).ToList();
            if (mine.Count >= atLeast || DateTime.UtcNow > until) return mine;
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (--_users > 0) return;
            _maildev?.Dispose();
            _maildev = null;
        }
    }
}
