using GazetteNotify.Parsing.Model;

namespace GazetteNotify.DueDates;

/// <summary>
/// A time limit's due date as the service will remind on it, how it was reached, and — when it must not be guessed —
/// why it waits for the admin's review instead. Recurring limits carry their rule and no single date.
/// </summary>
public sealed record ResolvedDue(DateOnly? Date, string Basis, string? ReviewReason, RecurrenceRule? Recurrence = null)
{
    public bool NeedsReview => ReviewReason is not null;

    public static ResolvedDue Review(string reason, DateOnly? suggestion = null) => new(suggestion, "", reason);
}
