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
    AdminActionHandlers adminActions, RateLimits limits, ArchiveHandlers archive, SearchHandlers search, AdminSignIn adminSignIn, LinkTokens tokens, RequestLog log)
{
    private readonly AdminSignIn _adminSignIn = adminSignIn;
    private readonly ArchiveHandlers _archive = archive;
    private readonly SearchHandlers _search = search;
    private readonly AdminActionHandlers _adminActions = adminActions;
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
        new("AdminPage", "GET", Routes.AdminPage, false, (e, r, c) => e._adminPages.DashboardAsync(AdminCaller.Of(r), c)) { ForSignedInAdmin = true },
        new("AdminIssuePage", "GET", Routes.AdminIssuePage, false, (e, r, c) => e._adminPages.IssueAsync(Value(r, "key"), c)) { ForSignedInAdmin = true },
        new("AdminLoginPage", "GET", Routes.AdminLogin, false, (e, r, _) => Task.FromResult(e._adminSignIn.LoginPage(r))),
        new("AdminLogin", "POST", Routes.AdminLogin, false, (e, r, c) => e._adminSignIn.LoginAsync(r, c)),
        new("AdminLogout", "POST", Routes.AdminLogout, false, (e, r, c) => e._adminSignIn.LogoutAsync(r, c)) { ForSignedInAdmin = true },
        new("AdminSettleReview", "POST", Routes.AdminSettleReview, false, (e, r, c) => e._adminActions.SettleReviewAsync(r, c)) { ForSignedInAdmin = true },
        new("AdminSetDepartmentEmail", "POST", Routes.AdminSetDepartmentEmail, false, (e, r, c) => e._adminActions.SetDepartmentEmailAsync(r, c)) { ForSignedInAdmin = true },
        new("AdminImportDepartments", "POST", Routes.AdminImportDepartments, false, (e, r, c) => e._adminActions.ImportDepartmentsAsync(r, c)) { ForSignedInAdmin = true },
        new("AdminRetryPoisonedBatch", "POST", Routes.AdminRetryPoisonedBatch, false, (e, r, c) => e._adminActions.RetryPoisonedBatchAsync(r, c)) { ForSignedInAdmin = true },
        new("AdminReingest", "POST", Routes.AdminReingest, false, (e, r, c) => e._adminActions.ReingestAsync(r, c)) { ForSignedInAdmin = true },
    ];

    public static HttpRoute Named(string name) => All.Single(r => r.Name == name);

    /// <summary>
    /// A request as both hosts pass it: its route's rule (<see cref="RouteRules"/>) checked before anything is read —
    /// Content-Length against the body budget, the guarding token, the allowance — then the body bounded and the form
    /// read once under those bounds, then the handler; every answer gets <see cref="SecurityHeaders"/>.
    /// </summary>
    public async Task<PageResult> HandleAsync(string name, HttpRequest request, CancellationToken cancellationToken = default)
    {
        var rule = RouteRules.For(name);
        var page = await GuardedAsync(Named(name), rule, request, cancellationToken);
        return page with { Headers = SecurityHeaders.For(rule, page) };
    }

    private async Task<PageResult> GuardedAsync(HttpRoute route, RouteRule rule, HttpRequest request, CancellationToken cancellationToken)
    {
        var name = route.Name;
        if (request.ContentLength > rule.BodyBudget) return Refused(name, 413, $"Content-Length over {rule.BodyBudget} bytes");

        // Admin pages: the person is admitted here, by the worker, on both hosts (the Functions host lets them
        // through), before a byte of the body is read.
        if (route.ForSignedInAdmin && _adminSignIn.Admit(request) is { } refused) return refused;
        var check = rule.TokenPurpose is { } purpose ? tokens.Verify(Token(request), purpose) : null;
        var subject = check is { IsValid: true } ? rule.TokenPurpose + "|" + check.Subject : null;
        var bytes = request.ContentLength ?? (HasBody(request) ? rule.BodyBudget : 0);
        if (!limits.Allow(rule.Group, request, subject, bytes))
        {
            log.Refused(name, 429, "over its allowance");
            return TooMany(limits.RetryAfterSeconds(rule.Group));
        }

        BoundedBody.Apply(request, rule.BodyBudget);
        try
        {
            // A link that does not verify gets its handler's refusal without a byte of the body read; a form is read
            // once here, under the bounds, and handlers get it from the request as before.
            if (check is { IsValid: false }) BoundedBody.Skip(request);
            else if (HasBody(request) && request.HasFormContentType) await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Refused(name, 400, "form with too many fields or a field too long");
        }
        catch (Exception e) when (TooLarge(e))
        {
            return Refused(name, 413, $"body over {rule.BodyBudget} bytes");
        }

        try
        {
            return await route.Handle(this, request, cancellationToken);
        }
        catch (Exception e) when (TooLarge(e))
        {
            return Refused(name, 413, $"body over {rule.BodyBudget} bytes");
        }
    }

    /// <summary>Our cap on the stream, or the host's own (Kestrel's MaxRequestBodySize), stopped the read.</summary>
    private static bool TooLarge(Exception e) => e is RequestBodyTooLargeException or BadHttpRequestException { StatusCode: 413 };

    /// <summary>A body may come: declared, or undeclared on a POST (chunked in HTTP/1.1; HTTP/2 need not send a length).</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)));

    private PageResult Refused(string name, int status, string why)
    {
        log.Refused(name, status, why);
        return status == 413
            ? new PageResult(413, Pages.Message("内容过大", "提交的内容超过了允许的大小，未做任何更改。"))
            : new PageResult(status, Pages.Message("无法处理", "提交的表单不完整或有误，未做任何更改。"));
    }

    private static PageResult TooMany(int retryAfterSeconds) => new(429, Pages.Message("请求过于频繁", "请稍后再试。"))
    {
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>Subscribe, with the per-address limit: a stranger cannot make us mail one address again and again.</summary>
    private async Task<PageResult> SubscribeLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await FormOf(request, cancellationToken);
        if (Mail.EmailAddress.TryParse(form.Email, out var address) && !limits.AllowAddress(address!)) return TooMany(3600);
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
