using GazetteNotify.Storage;

namespace GazetteNotify.Admin;

/// <summary>
/// One thing an admin did, in the AdminActions table: partition = the month in China time (2026-12), row = inverted
/// ticks and 8 random hex (newest first, two actions in one tick both kept). Never holds a key.
/// </summary>
[StoredIn("AdminActions")]
public sealed class AdminActionRow : TableRow
{
    public DateTimeOffset? At { get; set; }

    /// <summary>A key's fingerprint, or the CLI's user.</summary>
    public string? Who { get; set; }

    /// <summary>settle-review, dismiss-review, set-department-email, import-departments, replace-departments, retry-poisoned-batch, reingest.</summary>
    public string? Action { get; set; }

    /// <summary>What it was done to (at most 1,000 characters).</summary>
    public string? Target { get; set; }

    /// <summary>What the admin was told (at most 2,000 characters).</summary>
    public string? Outcome { get; set; }
}
