using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GazetteNotify.Mail;

/// <summary>
/// A subscriber's address, validated and normalised (trimmed, lower case, the domain in its ASCII form). Anything
/// that could smuggle a header (CR, LF), a display name or a second address is refused.
/// </summary>
public sealed partial record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, out EmailAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var text = input.Trim();
        if (text.Length > MaxLength || text.AsSpan().IndexOfAny(Forbidden) >= 0) return false;
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@') != at) return false;
        var local = text[..at];
        string domain;
        try
        {
            domain = new IdnMapping().GetAscii(text[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (local.Length > 64 || !LocalPart().IsMatch(local) || !Domain().IsMatch(domain)) return false;
        address = new EmailAddress(local.ToLowerInvariant() + "@" + domain);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("\r\n\t <>,;\"()[]\\");

    public static EmailAddress Parse(string input) =>
        TryParse(input, out var address) ? address! : throw new FormatException("not a valid e-mail address");

    /// <summary>SHA-256 of the normalised address, hex: partition keys and logs use it instead of the address.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));

    /// <summary>For logs and admin output: the first letter and the domain (z***@example.com).</summary>
    public string Masked() => Value[0] + "***" + Value[Value.IndexOf('@')..];

    [GeneratedRegex(@"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex Domain();
}
