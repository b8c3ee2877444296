using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// The rule of every route, by its name in <see cref="HttpEndpoints.All"/>: one line per route (a test checks every
/// route has one). Budgets are what the route's largest honest request needs, with room: the preferences form is at
/// most a few KB even with Chinese keywords (9 bytes each once percent-encoded); a task note is at most 2,000
/// characters; a directory import is the admin's 64 KB; a SendGrid batch the webhook's 1 MB.
/// </summary>
public static class RouteRules
{
    /// <summary>GET and the button-only POSTs read no form: a stray body up to this is tolerated, not read.</summary>
    public const int NoBody = 1024;

    public const int PreferencesForm = 16 * 1024;
    public const int TaskNoteForm = 24 * 1024;
    public const int AdminForm = 64 * 1024;
    public const int LoginForm = 4 * 1024;
    public const int WebhookBody = 1024 * 1024;

    /// <summary>The largest budget of any route: `gazette serve` sets Kestrel's MaxRequestBodySize to it.</summary>
    public static int Largest => Table.Values.Max(r => r.BodyBudget);

    private static readonly Dictionary<string, RouteRule> Table = new(StringComparer.Ordinal)
    {
        ["SubscriptionForm"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["Subscribe"] = new(RouteGroup.Subscribe, PreferencesForm, null, true),
        ["ConfirmPage"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.Confirm, true),
        ["Confirm"] = new(RouteGroup.TokenWrite, NoBody, LinkPurposes.Confirm, true),
        ["ManagePage"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.Manage, true),
        ["UpdatePreferences"] = new(RouteGroup.TokenWrite, PreferencesForm, LinkPurposes.Manage, true),
        ["UnsubscribePage"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.Unsubscribe, true),
        ["Unsubscribe"] = new(RouteGroup.TokenWrite, NoBody, LinkPurposes.Unsubscribe, true),
        ["OneClickUnsubscribe"] = new(RouteGroup.TokenWrite, NoBody, LinkPurposes.Unsubscribe, true),
        ["TopicFeed"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["IssuerFeed"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["SearchPage"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["AcknowledgeTaskPage"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.TaskAcknowledge, true),
        ["AcknowledgeTask"] = new(RouteGroup.TokenWrite, NoBody, LinkPurposes.TaskAcknowledge, true),
        ["CompleteTaskPage"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.TaskDone, true),
        ["CompleteTask"] = new(RouteGroup.TokenWrite, TaskNoteForm, LinkPurposes.TaskDone, true),
        ["DepartmentCalendar"] = new(RouteGroup.TokenRead, NoBody, LinkPurposes.Calendar, true),
        ["DocumentPage"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["IssuePage"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["IssueUpload"] = new(RouteGroup.PublicRead, NoBody, null, false),
        ["SendGridEvents"] = new(RouteGroup.Webhook, WebhookBody, null, true),
        ["AdminIssues"] = Admin,
        ["AdminIssue"] = Admin,
        ["AdminReview"] = Admin,
        ["AdminPoisonedBatches"] = Admin,
        ["AdminPage"] = Admin,
        ["AdminIssuePage"] = Admin,
        ["AdminLoginPage"] = new(RouteGroup.PublicRead, NoBody, null, true),
        // The key is typed here: per client, like any state-changing route without a link, so it cannot be guessed
        // at speed (30 tries per 10 minutes).
        ["AdminLogin"] = new(RouteGroup.TokenWrite, LoginForm, null, true),
        ["AdminLogout"] = Admin,
        ["AdminSettleReview"] = Admin,
        ["AdminSetDepartmentEmail"] = Admin,
        ["AdminImportDepartments"] = Admin,
        ["AdminRetryPoisonedBatch"] = Admin,
        ["AdminReingest"] = Admin,
    };

    private static RouteRule Admin => new(RouteGroup.Admin, AdminForm, null, true);

    /// <summary>The route's rule; a route without a line is treated as personal, small and per client until it gets one.</summary>
    public static RouteRule For(string route) => Table.TryGetValue(route, out var rule) ? rule : new(RouteGroup.TokenWrite, NoBody, null, true);

    public static bool Has(string route) => Table.ContainsKey(route);
}
