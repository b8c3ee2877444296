using GazetteNotify.Alerts;
using GazetteNotify.Documents;
using GazetteNotify.Queries;
using GazetteNotify.Site;
using GazetteNotify.Topics;

namespace GazetteNotify.Web;

/// <summary>
/// Atom feeds per topic and per issuing body (GET feeds/topics/{id}.atom, feeds/issuers/{name}.atom), over the
/// documents of the latest issues. Shared by both hosts like the subscription routes. The latest documents are kept in
/// memory for <see cref="CacheFor"/>: a burst of feed reads (every feed shows the same issues) reads storage once, and
/// a new issue shows within a minute — feed readers poll every few hours.
/// </summary>
public sealed class FeedHandlers(RecentDocuments recent, SiteSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private (DateTimeOffset At, Task<(IReadOnlyList<AlertDocument> Documents, DateTimeOffset? Updated)> Latest)? _cached;

    /// <summary>How many recent issues a feed covers (two a month: about half a year).</summary>
    public const int IssuesPerFeed = 12;

    public async Task<PageResult> TopicAsync(string? topicId, CancellationToken cancellationToken = default)
    {
        if (TopicTaxonomy.Default.Find(topicId ?? "") is not { } topic) return NotFound("没有这个主题。");
        var (documents, updated) = await LatestAsync(cancellationToken);
        return Feed(AtomFeed.ForTopic(topic.Id, topic.Name, documents, settings.PublicBaseUrl, updated ?? clock.GetUtcNow()));
    }

    public async Task<PageResult> IssuerAsync(string? issuer, CancellationToken cancellationToken = default)
    {
        var name = issuer?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 60) return NotFound("请在地址中写明发文机关。");
        var (documents, updated) = await LatestAsync(cancellationToken);
        return Feed(AtomFeed.ForIssuer(name, documents, settings.PublicBaseUrl, updated ?? clock.GetUtcNow()));
    }

    /// <summary>One storage read shared by every request that comes while it runs or within <see cref="CacheFor"/> after.</summary>
    private Task<(IReadOnlyList<AlertDocument> Documents, DateTimeOffset? Updated)> LatestAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_cached is not { } cached || now - cached.At >= CacheFor || now < cached.At || cached.Latest.IsFaulted || cached.Latest.IsCanceled)
            {
                cached = (now, recent.LatestAsync(IssuesPerFeed, CancellationToken.None)); // shared, so no one caller's cancellation ends it
                _cached = cached;
            }

            return cached.Latest.WaitAsync(cancellationToken);
        }
    }

    private static PageResult Feed(string xml) => new(200, xml) { ContentType = AtomContentType };

    private static PageResult NotFound(string text) => new(404, Pages.Message("找不到订阅源", text));

    public const string AtomContentType = "application/atom+xml; charset=utf-8";
}
