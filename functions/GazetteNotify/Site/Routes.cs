using GazetteNotify.Subscriptions;
namespace GazetteNotify.Site;

/// <summary>
/// The HTTP routes, defined once: the Functions app, `gazette serve` and every link in a mail use these.
/// Relative to the public base URL (SiteSettings.PublicBaseUrl).
/// </summary>
public static class Routes
{
    public const string Form = "";
    public const string Subscribe = "subscribe";
    public const string Confirm = "confirm";
    public const string Manage = "manage";
    public const string Unsubscribe = "unsubscribe";

    /// <summary>RFC 8058 one-click target (POST List-Unsubscribe=One-Click), as List-Unsubscribe names it.</summary>
    public const string OneClickUnsubscribe = "api/unsubscribe";

    /// <summary>Signed links in a department's reminder: acknowledge a task, mark it done (with a note).</summary>
    public const string AcknowledgeTask = "tasks/acknowledge";
    public const string CompleteTask = "tasks/done";

    /// <summary>A department's deadlines as an RFC 5545 calendar; {id} is the department id.</summary>
    public const string DepartmentCalendar = "api/departments/{id}/calendar.ics";

    public static string DepartmentCalendarUrl(Uri baseUrl, string departmentId, string token) =>
        WithToken(baseUrl, DepartmentCalendar.Replace("{id}", Uri.EscapeDataString(departmentId), StringComparison.Ordinal), token);

    /// <summary>Atom feeds; {topic} is a topic id, {issuer} an issuing body's name (URL-escaped).</summary>
    public const string TopicFeed = "feeds/topics/{topic}.atom";
    public const string IssuerFeed = "feeds/issuers/{issuer}.atom";

    public static Uri TopicFeedUrl(Uri baseUrl, string topicId) => new(baseUrl, TopicFeed.Replace("{topic}", Uri.EscapeDataString(topicId), StringComparison.Ordinal));

    public static Uri IssuerFeedUrl(Uri baseUrl, string issuer) => new(baseUrl, IssuerFeed.Replace("{issuer}", Uri.EscapeDataString(issuer), StringComparison.Ordinal));

    /// <summary>
    /// The public archive: a document's page ({docKey} is its Documents row key, 01, 02…: an issue's re-upload keeps
    /// it), an issue's page, and the issue's original upload.
    /// </summary>
    public const string DocumentPage = "documents/{issueKey}/{docKey}";
    public const string IssuePage = "issues/{issueKey}";
    public const string IssueUpload = "issues/{issueKey}/upload";

    public static Uri DocumentUrl(Uri baseUrl, string issueKey, string docKey) =>
        new(baseUrl, $"documents/{Uri.EscapeDataString(issueKey)}/{Uri.EscapeDataString(docKey)}");

    /// <summary>A task on its document's page: the anchor next to the clause it was read from.</summary>
    public static Uri TaskUrl(Uri baseUrl, string issueKey, string docKey, string taskKey) =>
        new(DocumentUrl(baseUrl, issueKey, docKey), "#" + TaskAnchor(taskKey));

    /// <summary>The id of a task's anchor on its document's page (task-001: the Tasks row's task ordinal).</summary>
    public static string TaskAnchor(string taskKey) => "task-" + taskKey;

    public static Uri IssueUrl(Uri baseUrl, string issueKey) => new(baseUrl, $"issues/{Uri.EscapeDataString(issueKey)}");

    public static Uri IssueUploadUrl(Uri baseUrl, string issueKey) => new(baseUrl, $"issues/{Uri.EscapeDataString(issueKey)}/upload");
    /// <summary>The archive search page (GET; its query string: SearchLinks).</summary>
    public const string Search = "search";

    /// <summary>SendGrid's Event Webhook (signed with SendGrid's ECDSA key).</summary>
    public const string SendGridEvents = "api/sendgrid/events";

    /// <summary>Admin JSON routes, for automation: function keys in Azure, the admin key (header) locally.</summary>
    public const string AdminIssues = "api/admin/issues";
    public const string AdminIssue = "api/admin/issues/{key}";
    public const string AdminReview = "api/admin/deadlines/review";
    public const string AdminPoisonedBatches = "api/admin/poisoned-batches";

    /// <summary>The admin's HTML pages: a person signed in (Entra ID with the admin role in Azure, a session locally), never a key.</summary>
    public const string AdminPage = "admin";
    public const string AdminIssuePage = "admin/issues/{key}";

    /// <summary>`gazette serve`: the admin key typed once (POST), then a session cookie; in Azure, Entra ID sign-in.</summary>
    public const string AdminLogin = "admin/login";
    public const string AdminLogout = "admin/logout";

    /// <summary>The admin page's actions (POST; the same sign-in): each also a `gazette` command.</summary>
    public const string AdminSettleReview = "admin/review/settle";
    public const string AdminSetDepartmentEmail = "admin/departments/email";
    public const string AdminImportDepartments = "admin/departments/import";
    public const string AdminRetryPoisonedBatch = "admin/poisoned-batches/retry";
    public const string AdminReingest = "admin/uploads/reingest";

    public static string WithToken(Uri baseUrl, string route, string token) =>
        new Uri(baseUrl, $"{route}?token={Uri.EscapeDataString(token)}").ToString();

    /// <summary>
    /// A form's action: the route's path from the site root (under the public base URL's own path), never relative to
    /// the page — a page at tasks/acknowledge posting to "tasks/acknowledge" would reach tasks/tasks/acknowledge.
    /// </summary>
    public static string FormAction(Uri baseUrl, string route, string? token = null) =>
        new Uri(baseUrl, token is null ? route : $"{route}?token={Uri.EscapeDataString(token)}").PathAndQuery;
}
