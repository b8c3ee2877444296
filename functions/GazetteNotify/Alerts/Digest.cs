using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Alerts;

/// <summary>One subscriber's digest: the matching new documents (with why) and their matching deadlines of the next 30 days.</summary>
public sealed record Digest(EmailAddress Recipient, IReadOnlyList<DigestItem> Items, IReadOnlyList<AlertDeadline> Upcoming)
{
    /// <summary>
    /// Subscribers whose digests have the same content can share one send (each with its own links). The key is a
    /// 128-bit hash of what the digest says, so 10^5 digests do not hold 10^5 long strings.
    /// </summary>
    public string ContentKey
    {
        get
        {
            var hash = new System.IO.Hashing.XxHash128();
            void Add(string? value)
            {
                hash.Append(System.Text.Encoding.UTF8.GetBytes(value ?? ""));
                hash.Append([0]);
            }

            foreach (var item in Items)
            {
                Add(item.Document.IssueKey);
                Add(item.Document.Document.DocNumber ?? item.Document.Document.Title);
                foreach (var part in item.Match.Topics.Concat(item.Match.Keywords).Concat(item.Match.Issuers).Concat(item.Match.DocNumberPrefixes)) Add(part);
                Add("|");
                foreach (var part in item.Match.Cites) Add("c" + part);
                foreach (var part in item.Match.Repeals) Add("r" + part);
                Add("#");
            }

            foreach (var u in Upcoming) Add($"{u.Date:yyyyMMdd}{u.Phrase}{u.Source.Document.DocNumber}");
            return Convert.ToHexStringLower(hash.GetCurrentHash());
        }
    }
}

public sealed record DigestItem(AlertDocument Document, DocumentMatch Match);
