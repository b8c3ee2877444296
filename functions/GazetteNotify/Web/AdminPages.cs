using GazetteNotify.Departments;
using GazetteNotify.Html;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// The admin's page (a signed-in admin: Entra ID with the admin role in Azure, a session locally): issues with status and warnings, rejected uploads with their reasons,
/// each issue's documents, tasks and deadlines, limits waiting for review, unmapped units, recent deliveries and
/// failures, poisoned batches, departments without an address, and what admins did. Its buttons (settle or dismiss a
/// limit, add an address, import the directory, retry a batch, re-ingest an upload) post to AdminActionHandlers with a
/// form token bound to the key. Here what the pages read; what they show is <see cref="AdminDashboard"/> and
/// <see cref="AdminIssuePage"/>. Links keep the key (?code=).
/// </summary>
public sealed class AdminPages(
    IssueQueries queries, DeadlineSource deadlines, DepartmentStore departments, UnmappedUnits unmapped, RecentDeliveries recent, TaskStates taskStates, Admin.AdminAudit audit,
    PoisonedBatches poisoned, Site.LinkTokens tokens, Site.SiteSettings settings)
{
    public async Task<PageResult> DashboardAsync(AdminCaller caller, CancellationToken cancellationToken = default)
    {
        var formToken = caller.FormToken(tokens);
        var directory = await departments.LoadAsync(cancellationToken);
        var actions = await audit.RecentAsync(20, cancellationToken);
        var issues = await queries.ListAsync(cancellationToken);
        var review = (await deadlines.ReviewListAsync(cancellationToken)).Where(r => r.Dismissed != true).ToList();
        var (unreached, named) = await unmapped.ListAsync(cancellationToken);
        var deliveries = await recent.ListAsync(TimeSpan.FromDays(14), cancellationToken);
        var poison = await poisoned.ListAsync(cancellationToken);

        return new PageResult(200, ComponentHtml.Render<AdminDashboard>(new()
            { [nameof(AdminDashboard.Post)] = new AdminPost(formToken, settings.PublicBaseUrl), [nameof(AdminDashboard.Who)] = caller.Who, [nameof(AdminDashboard.Issues)] = issues,
              [nameof(AdminDashboard.Review)] = review, [nameof(AdminDashboard.Directory)] = directory, [nameof(AdminDashboard.Unreached)] = unreached,
              [nameof(AdminDashboard.Named)] = named, [nameof(AdminDashboard.Deliveries)] = deliveries, [nameof(AdminDashboard.Poisoned)] = poison,
              [nameof(AdminDashboard.Actions)] = actions }));
    }

    public async Task<PageResult> IssueAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        var detail = string.IsNullOrWhiteSpace(issueKey) ? null : await queries.ShowAsync(issueKey, cancellationToken);
        if (detail is null) return new PageResult(404, Pages.Message("找不到", "没有这一期。", forAdmins: true));
        var states = await taskStates.AllProgressAsync(detail.Issue.Key, cancellationToken);
        var directory = await departments.LoadAsync(cancellationToken);
        // A single document uploaded on its own has no gazette title: the page is named after the document.
        var name = detail.Issue.Title is { Length: > 0 } title ? title : (detail.Documents.Count > 0 ? detail.Documents[0].Title : "") + "（单份文件）";
        return new PageResult(200, ComponentHtml.Render<AdminIssuePage>(new()
            { [nameof(AdminIssuePage.Title)] = $"{detail.Issue.Key} · {name}", [nameof(AdminIssuePage.Detail)] = detail,
              [nameof(AdminIssuePage.States)] = states, [nameof(AdminIssuePage.Directory)] = directory, [nameof(AdminIssuePage.Site)] = settings.PublicBaseUrl }));
    }
}
