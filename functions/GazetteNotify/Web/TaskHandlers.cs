using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Reminders;
using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// The task links of a reminder (GET shows a page with a button — mail scanners follow links — and POST acts):
/// acknowledge, and mark done with an optional note; the department's calendar feed (GET, token per department).
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
        var (department, row) = found;
        var action = Routes.FormAction(settings.PublicBaseUrl, route, token);
        return new PageResult(200, Pages.Task(button, department.Name, row.DocNumber, row.Item, row.Excerpt,
            StateName(row.State), action, asksForNote));
    }

    private async Task<PageResult> SetAsync(string? token, string purpose, TaskState state, string? note, CancellationToken cancellationToken)
    {
        if (await TaskOf(token, purpose, cancellationToken) is not { } found) return Refused();
        var taskKey = ReminderLinks.ReadSubject(tokens.Verify(token, purpose).Subject)!.Value.TaskKey;
        await taskStates.SetAsync(taskKey, state, found.Department.Id, note, clock.GetUtcNow(), cancellationToken);
        var now = (await taskStates.GetAsync(taskKey, cancellationToken))?.State ?? TaskState.Open;
        return new PageResult(200, Pages.Message("已记录", $"任务状态：{StateName(now)}。" + (now == TaskState.Done ? "此任务不会再提醒。" : "")));
    }

    private async Task<(Department Department, Documents.TaskRow Row)?> TaskOf(string? token, string purpose, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, purpose);
        if (!check.IsValid || ReminderLinks.ReadSubject(check.Subject) is not { } subject) return null;
        var directory = await departments.LoadAsync(cancellationToken);
        var row = await taskStates.GetAsync(subject.TaskKey, cancellationToken);
        return directory.Find(subject.DepartmentId) is { } department && row is not null ? (department, row) : null;
    }

    public static string StateName(TaskState state) => state switch
    {
        TaskState.Done => "已完成",
        TaskState.Acknowledged => "已收到",
        _ => "待办",
    };

    private static PageResult Refused() => new(400, Pages.Message("链接无效", "该链接不完整或已被修改，未做任何更改。请使用提醒邮件中的原始链接。"));
}
