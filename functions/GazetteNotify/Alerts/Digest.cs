using GazetteNotify.Subscriptions;

namespace GazetteNotify.Alerts;

/// <summary>One subscriber's digest: the matching new documents (with why) and their matching deadlines of the next 30 days.</summary>
public sealed record Digest(EmailAddress Recipient, IReadOnlyList<DigestItem> Items, IReadOnlyList<AlertDeadline> Upcoming)
{
    /// <summary>Subscribers whose digests have the same content can share one send (each with its own links).</summary>
    public string ContentKey => string.Join("|", Items.Select(i => $"{i.Document.IssueKey}/{i.Document.Document.DocNumber ?? i.Document.Document.Title}:{string.Join(",", i.Match.Topics)}:{string.Join(",", i.Match.Keywords)}:{string.Join(",", i.Match.Issuers)}:{string.Join(",", i.Match.DocNumberPrefixes)}:{string.Join(",", i.Match.Cites)}:{string.Join(",", i.Match.Repeals)}"))
        + "#" + string.Join("|", Upcoming.Select(u => $"{u.Date:yyyyMMdd}{u.Phrase}{u.Source.Document.DocNumber}"));
}

public sealed record DigestItem(AlertDocument Document, DocumentMatch Match);
