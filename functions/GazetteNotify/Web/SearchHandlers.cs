using GazetteNotify.Html;
using GazetteNotify.Search;
using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// GET search: the archive search page, with results when something was asked. Whatever the query string holds, the
/// reader gets a page: the query is bounded first (<see cref="SearchQuery.From"/>), and storage failing while the index
/// is first built or the index still being built for the first time is a 503 page in the site's style (Retry-After), never an exception.
/// </summary>
public sealed class SearchHandlers(ArchiveSearch search, SiteSettings settings)
{
    public async Task<PageResult> PageAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        SearchResults results;
        string? unavailable = null;
        try
        {
            results = await search.SearchAsync(query, cancellationToken);
        }
        catch (SearchIndexNotReadyException)
        {
            results = SearchResults.None;
            unavailable = "检索正在准备中（首次建立索引），请一分钟后再试。";
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TimeoutException or InvalidDataException)
        {
            results = SearchResults.None;
            unavailable = "检索暂时不可用，请稍后再试。";
        }

        var html = ComponentHtml.Render<SearchPage>(new()
        {
            [nameof(SearchPage.Query)] = query,
            [nameof(SearchPage.Results)] = results,
            [nameof(SearchPage.Choices)] = search.Index.Choices,
            [nameof(SearchPage.Action)] = Routes.FormAction(settings.PublicBaseUrl, Routes.Search),
            [nameof(SearchPage.DocumentPath)] = (Func<string, string, string>)DocumentPath,
            [nameof(SearchPage.Unavailable)] = unavailable,
        });
        return unavailable is null
            ? new PageResult(200, html)
            : new PageResult(503, html) { Headers = new Dictionary<string, string> { ["Retry-After"] = "60" } };
    }

    /// <summary>The document's page (built by the document pages): /documents/{issueKey}/{docKey}, under the public base URL's path.</summary>
    private string DocumentPath(string issueKey, string docKey) =>
        Routes.DocumentUrl(settings.PublicBaseUrl, issueKey, docKey).AbsolutePath;
}
