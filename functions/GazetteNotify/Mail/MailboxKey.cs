using System.Security.Cryptography;
using System.Text;

namespace GazetteNotify.Mail;

/// <summary>
/// The inbox an address reaches, for counting only (the per-address limits): the address as <see cref="EmailAddress"/>
/// normalised it (lower case, the domain in its ASCII form), the +tag dropped (subaddressing: victim+1@ and victim+2@
/// reach one inbox with most providers), and where the provider ignores dots in the local part (gmail.com and its alias
/// googlemail.com) the dots too. Counting too many addresses as one only limits; mail still goes to the address as typed.
/// </summary>
public sealed record MailboxKey
{
    /// <summary>Providers that deliver a.b@ and ab@ to one inbox, with the domain they are one with.</summary>
    private static readonly Dictionary<string, string> DotlessDomains = new(StringComparer.Ordinal)
    {
        ["gmail.com"] = "gmail.com",
        ["googlemail.com"] = "gmail.com",
    };

    private MailboxKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static MailboxKey Of(EmailAddress address)
    {
        var at = address.Value.LastIndexOf('@');
        var local = address.Value[..at];
        var domain = address.Value[(at + 1)..];
        // A local part that starts with + has no mailbox name before the tag: left as it is.
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0) local = local[..plus];
        if (DotlessDomains.TryGetValue(domain, out var canonical))
        {
            domain = canonical;
            var dotless = local.Replace(".", "", StringComparison.Ordinal);
            if (dotless.Length > 0) local = dotless;
        }

        return new MailboxKey(local + "@" + domain);
    }

    /// <summary>SHA-256 of the key, hex: what storage keeps instead of the mailbox.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));
}
