using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Reminders;
using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// The task links of a reminder (GET shows a page with a button — mail scanners follow links — and POST acts):
/// acknowledge, and mark done with an optional note — each for the department the link names, its own part of the task
/// (docs/adr/0044); the department's calendar feed (GET, token per department).
/// A forged or altered token gets a clear page and changes nothing.
/// </summary>
public sealed class TaskHandlers(DepartmentStore departments, DeadlineSource deadlines, TaskStates taskStates, LinkTokens tokens, SiteSettings settings, TimeProvider clock)
{
    public async Task<PageResult> AcknowledgePageAsync(string? token, CancellationToken cancellationToken = default) =>
        await PageAsync(token, ReminderLinks.AcknowledgePurpose, Routes.AcknowledgeTask, "确认已收到", asksForNote: false, cancellationToken);

    public async Task<PageResult> DonePageAsync(string? token, CancellationToken cancellationToken = default) =>
        await PageAsync(token, ReminderLinks.DonePurpose, Routes.CompleteTask, "标记为已完成", asksForNote: true, cancellationToken);

    public Task<PageResult> AcknowledgeAsync(string? token, CancellationToken cancellationToken = default) =>
        SetAsync(token, ReminderLinks.AcknowledgePurpose, TaskState.Acknowledged, null, cancellationToken);

    public Task<PageResult> DoneAsync(string? token, string? note, CancellationToken cancellationToken = default) =>
        SetAsync(token, ReminderLinks.DonePurpose, TaskState.Done, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken);

    /// <summary>GET api/departments/{id}/calendar.ics?token=…</summary>
    public async Task<PageResult> CalendarAsync(string? departmentId, string? token, CancellationToken cancellationToken = default)
    {
        var check = tokens.Verify(token, ReminderLinks.CalendarPurpose);
        if (!check.IsValid || check.Subject != departmentId) return Refused();
        var directory = await departments.LoadAsync(cancellationToken);
        if (directory.Find(departmentId!) is not { } department) return new PageResult(404, Pages.Message("找不到单位", "该单位已不在通讯录中。"));
        var tasks = await deadlines.AllScheduledAsync(cancellationToken);
        return new PageResult(200, DepartmentCalendar.Render(department, tasks, directory, settings.GazetteName, clock.GetUtcNow())) { ContentType = CalendarContentType };
    }

    public const string CalendarContentType = "text/calendar; charset=utf-8";

    private async Task<PageResult> PageAsync(string? token, string purpose, string route, string button, bool asksForNote, CancellationToken cancellationToken)
    {
        if (await TaskOf(token, purpose, cancellationToken) is not { } found) return Refused();
        var action = Routes.FormAction(settings.PublicBaseUrl, route, token);
        var row = found.Row;
        return new PageResult(200, Pages.Task(button, found.Department.Name, row.DocNumber, row.Item, row.Excerpt,
            StateName(found.Progress.Of(found.Department.Id)), Shared(found), action, asksForNote));
    }

    private async Task<PageResult> SetAsync(string? token, string purpose, TaskState state, string? note, CancellationToken cancellationToken)
    {
        if (await TaskOf(token, purpose, cancellationToken) is not { } found) return Refused();
        await taskStates.SetAsync(found.Row, state, found.Department.Id, note, clock.GetUtcNow(), cancellationToken);
        var now = found with { Progress = await taskStates.ProgressAsync(found.Row, cancellationToken) };
        var own = now.Progress.Of(found.Department.Id);
        var text = $"本单位的任务状态：{StateName(own)}。" + (own == TaskState.Done ? "此任务不会再提醒本单位。" : "") + Shared(now);
        return new PageResult(200, Pages.Message("已记录", text));
    }

    /// <summary>
    /// The department, its task and every department's part of it; null when the token is not valid for this purpose,
    /// names a department no longer in the directory, or a task that is gone.
    /// </summary>
    private async Task<Found?> TaskOf(string? token, string purpose, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, purpose);
        if (!check.IsValid || ReminderLinks.ReadSubject(check.Subject) is not { } subject) return null;
        var directory = await departments.LoadAsync(cancellationToken);
        var row = await taskStates.GetAsync(subject.TaskKey, cancellationToken);
        if (directory.Find(subject.DepartmentId) is not { } department || row is null) return null;
        return new Found(department, row, directory, await taskStates.ProgressAsync(row, cancellationToken));
    }

    private sealed record Found(Department Department, TaskRow Row, DepartmentDirectory Directory, TaskProgress Progress);

    /// <summary>
    /// How far the task as a whole is, when others share it (docs/adr/0044): how many lead departments have completed
    /// their part, and that a support unit's completion leaves the task to its leads. Empty for a task of one department.
    /// </summary>
    private static string Shared(Found found)
    {
        var (parts, _) = TaskParts.Of(found.Row.Lead, found.Row.Support, found.Directory.Resolve);
        var completers = TaskParts.Completers(found.Row.Lead, found.Row.Support, found.Directory.Resolve);
        if (found.Progress.IsDone(completers)) return parts.Count > 1 ? "全部牵头单位均已完成，此任务已完成。" : "";
        if (parts.Count <= 1) return "";
        var leads = completers ?? [.. parts.Where(p => p.Role != TaskRole.Support).Select(p => p.Department)];
        var done = leads.Count(d => found.Progress.Of(d.Id) == TaskState.Done);
        var support = parts.Any(p => p.Department.Id == found.Department.Id && p.Role == TaskRole.Support)
            ? "配合单位完成本单位的部分后不再收到提醒；任务在牵头单位全部完成后才算完成。" : "";
        return $"此任务由 {parts.Count} 个单位共同承担，牵头单位已完成 {done}/{leads.Count}。{support}";
    }

    public static string StateName(TaskState state) => state switch
    {
        TaskState.Done => "已完成",
        TaskState.Acknowledged => "已收到",
        _ => "待办",
    };

    private static PageResult Refused() => new(400, Pages.Message("链接无效", "该链接不完整或已被修改，未做任何更改。请使用提醒邮件中的原始链接。"));
}
