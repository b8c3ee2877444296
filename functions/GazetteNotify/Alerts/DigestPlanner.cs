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
                .Where(d => d.Date >= today && d.Date <= horizon && SubscriptionMatcher.Match(subscriber.Preferences, d.Source.Document, d.Source.Text) is not null)
                .OrderBy(d => d.Date)
                .ToList();
            yield return new Digest(subscriber.Email, items, upcoming);
        }
    }
}
