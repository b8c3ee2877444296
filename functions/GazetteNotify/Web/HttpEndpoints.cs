using GazetteNotify.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Web;

/// <summary>
/// The HTTP surface of the service, shared by both hosts: reads what a request carries (query, form, body, headers),
/// calls the handler, and answers a <see cref="PageResult"/> that each host writes out. <see cref="All"/> is the route
/// table: `gazette serve` maps it as is; the Functions app declares one function per entry (a test checks they agree).
/// </summary>
public sealed class HttpEndpoints(SubscriptionHandlers subscriptions, FeedHandlers feeds, TaskHandlers tasks, SendGridEvents events, AdminHandlers admin, AdminPages adminPages,
    AdminActionHandlers adminActions, RateLimits limits, ArchiveHandlers archive, SearchHandlers search)
{
    private readonly ArchiveHandlers _archive = archive;
    private readonly SearchHandlers _search = search;
    private readonly AdminActionHandlers _adminActions = adminActions;
    /// <summary>Routes that change a subscription or a task: limited per client.</summary>
    private static readonly HashSet<string> Limited = ["Subscribe", "Confirm", "UpdatePreferences", "Unsubscribe", "OneClickUnsubscribe", "AcknowledgeTask", "CompleteTask"];

    private readonly AdminPages _adminPages = adminPages;
    private readonly SubscriptionHandlers _subscriptions = subscriptions;
    private readonly FeedHandlers _feeds = feeds;
    private readonly TaskHandlers _tasks = tasks;
    private readonly AdminHandlers _admin = admin;

    /// <summary>Functions cannot route the site root with an empty template; this optional, always-empty parameter does.</summary>
    public const string FunctionsRootRoute = "{root:maxlength(0)?}";

    public static IReadOnlyList<HttpRoute> All { get; } =
    [
        new("SubscriptionForm", "GET", Routes.Form, false, (e, _, _) => Task.FromResult(e._subscriptions.Form())),
        new("Subscribe", "POST", Routes.Subscribe, false, (e, r, c) => e.SubscribeLimitedAsync(r, c)),
        new("ConfirmPage", "GET", Routes.Confirm, false, (e, r, c) => e._subscriptions.ConfirmPageAsync(Token(r), c)),
        new("Confirm", "POST", Routes.Confirm, false, (e, r, c) => e._subscriptions.ConfirmAsync(Token(r), c)),
        new("ManagePage", "GET", Routes.Manage, false, (e, r, c) => e._subscriptions.ManageAsync(Token(r), c)),
        new("UpdatePreferences", "POST", Routes.Manage, false, async (e, r, c) => await e._subscriptions.UpdateAsync(Token(r), await FormOf(r, c), c)),
        new("UnsubscribePage", "GET", Routes.Unsubscribe, false, (e, r, _) => Task.FromResult(e._subscriptions.UnsubscribePage(Token(r)))),
        new("Unsubscribe", "POST", Routes.Unsubscribe, false, (e, r, c) => e._subscriptions.UnsubscribeAsync(Token(r), c)),
        new("OneClickUnsubscribe", "POST", Routes.OneClickUnsubscribe, false, (e, r, c) => e._subscriptions.UnsubscribeAsync(Token(r), c)),
        new("TopicFeed", "GET", Routes.TopicFeed, false, (e, r, c) => e._feeds.TopicAsync(Value(r, "topic"), c)),
        new("IssuerFeed", "GET", Routes.IssuerFeed, false, (e, r, c) => e._feeds.IssuerAsync(Value(r, "issuer"), c)),
        new("SearchPage", "GET", Routes.Search, false, (e, r, c) => e._search.PageAsync(SearchQueryOf(r), c)),
        new("AcknowledgeTaskPage", "GET", Routes.AcknowledgeTask, false, (e, r, c) => e._tasks.AcknowledgePageAsync(Token(r), c)),
        new("AcknowledgeTask", "POST", Routes.AcknowledgeTask, false, (e, r, c) => e._tasks.AcknowledgeAsync(Token(r), c)),
        new("CompleteTaskPage", "GET", Routes.CompleteTask, false, (e, r, c) => e._tasks.DonePageAsync(Token(r), c)),
        new("CompleteTask", "POST", Routes.CompleteTask, false, async (e, r, c) => await e._tasks.DoneAsync(Token(r), (await r.ReadFormAsync(c))["note"].ToString(), c)),
        new("DepartmentCalendar", "GET", Routes.DepartmentCalendar, false, (e, r, c) => e._tasks.CalendarAsync(Value(r, "id"), Token(r), c)),
        new("DocumentPage", "GET", Routes.DocumentPage, false, (e, r, c) => e._archive.DocumentAsync(Value(r, "issueKey"), Value(r, "docKey"), c)),
        new("IssuePage", "GET", Routes.IssuePage, false, (e, r, c) => e._archive.IssueAsync(Value(r, "issueKey"), c)),
        new("IssueUpload", "GET", Routes.IssueUpload, false, (e, r, c) => e._archive.UploadAsync(Value(r, "issueKey"), c)),
        new("SendGridEvents", "POST", Routes.SendGridEvents, false, (e, r, c) => e.SendGridEventsAsync(r, c)),
        new("AdminIssues", "GET", Routes.AdminIssues, true, (e, _, c) => e._admin.IssuesAsync(c)),
        new("AdminIssue", "GET", Routes.AdminIssue, true, (e, r, c) => e._admin.IssueAsync(Value(r, "key"), c)),
        new("AdminReview", "GET", Routes.AdminReview, true, (e, _, c) => e._admin.ReviewAsync(c)),
        new("AdminPoisonedBatches", "GET", Routes.AdminPoisonedBatches, true, (e, _, c) => e._admin.PoisonedAsync(c)),
        new("AdminPage", "GET", Routes.AdminPage, true, (e, r, c) => e._adminPages.DashboardAsync(AdminCaller.Of(r), c)),
        new("AdminIssuePage", "GET", Routes.AdminIssuePage, true, (e, r, c) => e._adminPages.IssueAsync(Value(r, "key"), r.Query["code"].FirstOrDefault(), c)),
        new("AdminSettleReview", "POST", Routes.AdminSettleReview, true, (e, r, c) => e._adminActions.SettleReviewAsync(r, c)),
        new("AdminSetDepartmentEmail", "POST", Routes.AdminSetDepartmentEmail, true, (e, r, c) => e._adminActions.SetDepartmentEmailAsync(r, c)),
        new("AdminImportDepartments", "POST", Routes.AdminImportDepartments, true, (e, r, c) => e._adminActions.ImportDepartmentsAsync(r, c)),
        new("AdminRetryPoisonedBatch", "POST", Routes.AdminRetryPoisonedBatch, true, (e, r, c) => e._adminActions.RetryPoisonedBatchAsync(r, c)),
        new("AdminReingest", "POST", Routes.AdminReingest, true, (e, r, c) => e._adminActions.ReingestAsync(r, c)),
    ];

    public static HttpRoute Named(string name) => All.Single(r => r.Name == name);

    public Task<PageResult> HandleAsync(string name, HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (Limited.Contains(name) && !limits.AllowClient(request)) return Task.FromResult(TooMany());
        return Named(name).Handle(this, request, cancellationToken);
    }

    private static PageResult TooMany() => new(429, Pages.Message("请求过于频繁", "请稍后再试。")) { Headers = new Dictionary<string, string> { ["Retry-After"] = "600" } };

    /// <summary>Subscribe, with the per-address limit: a stranger cannot make us mail one address again and again.</summary>
    private async Task<PageResult> SubscribeLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await FormOf(request, cancellationToken);
        if (Mail.EmailAddress.TryParse(form.Email, out var address) && !limits.AllowAddress(address!)) return TooMany();
        return await _subscriptions.SubscribeAsync(form, cancellationToken);
    }

    /// <summary>Body up to 1 MB, signature checked before anything is read into storage.</summary>
    private async Task<PageResult> SendGridEventsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return new PageResult(413, "too large") { ContentType = "text/plain; charset=utf-8" };
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody) return new PageResult(413, "too large") { ContentType = "text/plain; charset=utf-8" };
        var body = buffer.ToArray();
        if (!events.Verify(request.Headers[SendGridEvents.SignatureHeader], request.Headers[SendGridEvents.TimestampHeader], body))
        {
            return new PageResult(403, "signature not valid") { ContentType = "text/plain; charset=utf-8" };
        }

        if (!events.IsFresh(request.Headers[SendGridEvents.TimestampHeader]))
        {
            return new PageResult(403, "timestamp not within 5 minutes of now") { ContentType = "text/plain; charset=utf-8" };
        }

        var recorded = await events.RecordAsync(body, cancellationToken);
        return new PageResult(200, recorded.ToString()) { ContentType = "text/plain; charset=utf-8" };
    }

    private const long MaxBody = 1024 * 1024;

    private static string? Token(HttpRequest request) => request.Query["token"].FirstOrDefault();

    /// <summary>
    /// A route parameter: from the host's routing when it filled RouteValues (Kestrel), else matched here against the
    /// route template (the Functions host routes before the worker sees the request).
    /// </summary>
    private static string? Value(HttpRequest request, string name)
    {
        if (request.RouteValues.TryGetValue(name, out var v) && v is not null) return v.ToString();
        foreach (var route in All)
        {
            if (!route.Route.Contains("{" + name + "}", StringComparison.Ordinal)) continue;
            var values = new RouteValueDictionary();
            if (new TemplateMatcher(TemplateParser.Parse(route.Route), new RouteValueDictionary()).TryMatch(request.Path, values) && values.TryGetValue(name, out var found))
            {
                return found?.ToString();
            }
        }

        return null;
    }

    /// <summary>The search page's query string, bounded (a repeated name counts once: its first value).</summary>
    private static Search.SearchQuery SearchQueryOf(HttpRequest request)
    {
        string? Q(string name) => request.Query[name].FirstOrDefault();
        return Search.SearchQuery.From(Q("q"), Q("number"), Q("issuer"), Q("topic"), Q("year"), Q("kind"), Q("inforce"), Q("page"));
    }

    private static async Task<SubscriptionForm> FormOf(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return new SubscriptionForm(null, [], null, null, null, null);
        var form = await request.ReadFormAsync(cancellationToken);
        return new SubscriptionForm(form["email"].FirstOrDefault(), form["topics"].Where(t => t is not null).Select(t => t!).ToList(),
            form["keywords"].FirstOrDefault(), form["issuers"].FirstOrDefault(), form["prefixes"].FirstOrDefault(), form["frequency"].FirstOrDefault())
        {
            Follows = form["follows"].FirstOrDefault(),
        };
    }
}
