using System.Globalization;
using GazetteNotify.Admin;
using GazetteNotify.Site;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// The admin page's buttons (POST, for a signed-in admin like every admin page: <see cref="AdminSignIn"/>): each form
/// carries a token bound to the person it was served to, checked before anything is read into storage; the action runs through <see cref="AdminActions"/>
/// (the same as the CLI, recorded, safe to repeat) and the answer is a page saying what happened, with the way back.
/// </summary>
public sealed class AdminActionHandlers(AdminActions actions, LinkTokens tokens, Site.SiteSettings settings)
{
    public const string FormTokenField = "csrf";

    public Task<PageResult> SettleReviewAsync(HttpRequest request, CancellationToken cancellationToken) => RunAsync(request, (form, who) =>
    {
        var key = form["key"].ToString();
        if (form["dismiss"].Count > 0) return actions.SettleReviewAsync(key, null, NoteOf(form), who, cancellationToken);
        return DateOnly.TryParseExact(form["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? actions.SettleReviewAsync(key, day, NoteOf(form), who, cancellationToken)
            : Task.FromResult(new AdminActionResult(false, "请选择到期日期，或选择“不提醒”。"));
    }, cancellationToken);

    public Task<PageResult> SetDepartmentEmailAsync(HttpRequest request, CancellationToken cancellationToken) => RunAsync(request, (form, who) =>
        actions.SetDepartmentEmailAsync(form["department"].ToString(), form["email"].ToString(), who, cancellationToken), cancellationToken);

    public Task<PageResult> ImportDepartmentsAsync(HttpRequest request, CancellationToken cancellationToken) => RunAsync(request, (form, who) =>
        actions.ImportDepartmentsAsync(form["json"].ToString(), form["replace"].ToString() == "true", who, cancellationToken), cancellationToken);

    public Task<PageResult> RetryPoisonedBatchAsync(HttpRequest request, CancellationToken cancellationToken) => RunAsync(request, (form, who) =>
        actions.RetryPoisonedBatchAsync(form["id"].ToString(), who, cancellationToken), cancellationToken);

    public Task<PageResult> ReingestAsync(HttpRequest request, CancellationToken cancellationToken) => RunAsync(request, (form, who) =>
        actions.ReingestAsync(form["blob"].ToString(), who, cancellationToken), cancellationToken);

    private static string? NoteOf(IFormCollection form) => form["note"].ToString() is { Length: > 0 } note ? note.Trim() : null;

    /// <summary>Checks the form and the caller once, then runs the action as that caller (its audit name).</summary>
    private async Task<PageResult> RunAsync(HttpRequest request, Func<IFormCollection, string, Task<AdminActionResult>> act, CancellationToken cancellationToken)
    {
        var caller = AdminCaller.Of(request);
        var back = Routes.FormAction(settings.PublicBaseUrl, Routes.AdminPage);
        if (request.ContentLength is null or > RouteRules.AdminForm || !request.HasFormContentType)
        {
            return new PageResult(400, Pages.Message("无法处理", "请从管理页面提交表单。", "返回管理页面", back));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!caller.PostedFromOwnPage(request, form[FormTokenField].ToString(), tokens))
        {
            return new PageResult(403, Pages.Message("已拒绝", "该请求不是从本站的管理页面提交的，或页面已过期。请刷新管理页面后重试。", "返回管理页面", back));
        }

        var result = await act(form, caller.Who);
        return new PageResult(200, Pages.Message(result.Changed ? "已完成" : "未作更改", result.Message, "返回管理页面", back));
    }
}
