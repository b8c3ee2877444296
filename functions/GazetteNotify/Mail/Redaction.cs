using System.Text.RegularExpressions;

namespace GazetteNotify.Mail;

/// <summary>
/// What may be written to logs and error records: e-mail addresses masked (r***@example.com), signed tokens and keys
/// in URLs cut (token=…, code=…). Applied to every line the runner logs and every error the ledger keeps.
/// </summary>
public static partial class Redaction
{
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = Address().Replace(text, m => m.Groups[1].Value[..1] + "***@" + m.Groups[2].Value);
        return Secret().Replace(masked, m => m.Groups[1].Value + "=…");
    }

    [GeneratedRegex(@"([A-Za-z0-9._%+\-]+)@([A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(token|code|key|sig|signature)=[^\s&""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
