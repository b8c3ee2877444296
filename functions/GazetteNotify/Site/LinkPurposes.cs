namespace GazetteNotify.Site;

/// <summary>
/// What each signed link is for, and how long it opens (docs/adr/0033): long enough for a mail that waits in an
/// inbox, short enough that a forwarded or logged link goes dead. A token for one purpose never opens another.
/// </summary>
public static class LinkPurposes
{
    public const string Confirm = "confirm";
    public const string Manage = "manage";
    public const string Unsubscribe = "unsubscribe";
    public const string TaskAcknowledge = "task-ack";
    public const string TaskDone = "task-done";
    public const string Calendar = "calendar";

    /// <summary>The hidden field of an admin form (against cross-site requests): bound to the admin key it was served to.</summary>
    public const string AdminForm = "admin-form";

    /// <summary>The admin's session cookie at `gazette serve`, after the key was typed once into the login form.</summary>
    public const string AdminSession = "admin-session";

    /// <summary>
    /// The day sealed, expiring tokens replaced the readable ones that never expired. A readable token still works for
    /// its purpose's lifetime counted from this day — as long as if it had been issued under the new rules on the last
    /// day the old ones were sent.
    /// </summary>
    public static readonly DateTimeOffset SealedSince = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static TimeSpan Lifetime(string purpose) => purpose switch
    {
        // Double opt-in: a week to find the mail; after that, subscribe again.
        Confirm => TimeSpan.FromDays(7),
        // Opens a subscriber's settings: every digest carries a fresh one, so a quarter of a year is plenty.
        Manage => TimeSpan.FromDays(90),
        // RFC 8058 one-click and the visible link: mail sits in inboxes for months, and the law (and mailbox providers)
        // expect an unsubscribe link to keep working well past the 30 days of the strictest rules; 400 days.
        Unsubscribe => TimeSpan.FromDays(400),
        // A reminder's buttons: each reminder carries fresh ones; half a year outlasts any milestone it is about.
        TaskAcknowledge or TaskDone => TimeSpan.FromDays(180),
        // A calendar app polls this URL for as long as it is subscribed; every reminder carries a fresh one. Two years.
        Calendar => TimeSpan.FromDays(730),
        // An admin page stays open for a working day at most.
        AdminForm => TimeSpan.FromHours(12),
        // A working day: after eight hours the key is asked for again.
        AdminSession => TimeSpan.FromHours(8),
        _ => throw new ArgumentException($"no link purpose '{purpose}'", nameof(purpose)),
    };
}
