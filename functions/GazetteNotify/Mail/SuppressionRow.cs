using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// An address never mailed again, in the Suppressions table: partition = 2 hex of SHA-256(address), row = the address.
/// Written by SendGrid's event webhook on a hard bounce or a spam report; the alerts planner skips these addresses.
/// </summary>
[StoredIn("Suppressions")]
public sealed class SuppressionRow : TableRow
{
    /// <summary>SendGrid's event: bounce or spamreport.</summary>
    public string? Reason { get; set; }

    /// <summary>When SendGrid saw it (the event's timestamp; the time of recording when it gave none).</summary>
    public DateTimeOffset? EventTime { get; set; }
}
