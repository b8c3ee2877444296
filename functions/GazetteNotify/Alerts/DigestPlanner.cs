using GazetteNotify.Subscriptions;

namespace GazetteNotify.Alerts;

/// <summary>
/// New documents × active subscribers → one digest per subscriber with at least one matching document (an empty digest
/// is never planned), plus that subscriber's matching deadlines due within the next 30 days. Pure: the job feeds it.
/// </summary>
public static class DigestPlanner
{
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(30);

    public static IEnumerable<Digest> Plan(
        IEnumerable<Subscription> subscribers, IReadOnlyList<AlertDocument> documents, IReadOnlyList<AlertDeadline> deadlines, DateOnly today)
    {
        var horizon = today.AddDays((int)UpcomingWindow.TotalDays);
        foreach (var subscriber in subscribers)
        {
            if (subscriber.Status != SubscriptionStatus.Active || subscriber.Preferences.IsEmpty) continue;
            var items = new List<DigestItem>();
            foreach (var document in documents)
            {
                if (SubscriptionMatcher.Match(subscriber.Preferences, document.Document, document.Text) is { } match) items.Add(new DigestItem(document, match));
            }

            if (items.Count == 0) continue;
            var upcoming = deadlines
                .Where(d => d.Date >= today && d.Date <= horizon && Concerns(subscriber.Preferences, d))
                .OrderBy(d => d.Date)
                .ToList();
            yield return new Digest(subscriber.Email, items, upcoming);
        }
    }

    /// <summary>A deadline concerns a subscriber when its document matches, or a unit it names matches a keyword or body.</summary>
    private static bool Concerns(Preferences preferences, AlertDeadline deadline) =>
        SubscriptionMatcher.Match(preferences, deadline.Source.Document, deadline.Source.Text) is not null
        || deadline.Units.Any(unit => preferences.Keywords.Concat(preferences.Issuers).Any(k => unit.Contains(k, StringComparison.Ordinal)));
}
