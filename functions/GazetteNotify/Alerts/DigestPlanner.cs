using GazetteNotify.Documents;
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
        // Subscribers share keywords: each (document, keyword) is searched once (AlertDocument caches it).
        var mentions = documents.Select(d => (Func<string, bool>)d.Mentions).ToArray();
        foreach (var subscriber in subscribers)
        {
            if (subscriber.Status != SubscriptionStatus.Active || subscriber.Preferences.IsEmpty) continue;
            var items = new List<DigestItem>();
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                if (SubscriptionMatcher.Match(subscriber.Preferences, document.Document, mentions[i]) is { } match) items.Add(new DigestItem(document, match));
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
        SubscriptionMatcher.Match(preferences, deadline.Source.Document, deadline.Source.Mentions) is not null
        || deadline.Units.Any(unit => preferences.Keywords.Concat(preferences.Issuers).Any(k => unit.Contains(k, StringComparison.Ordinal)));
}
