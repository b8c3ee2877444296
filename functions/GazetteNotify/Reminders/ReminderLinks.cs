using GazetteNotify.Departments;
using GazetteNotify.Site;

namespace GazetteNotify.Reminders;

/// <summary>
/// The signed links of a department's reminder: acknowledge and done per task, and the calendar feed. Tokens name the
/// department and the task, so a link opens that task for that department only; none expires (a task may be done months
/// later), and a done task stays done whatever link is replayed.
/// </summary>
public sealed class ReminderLinks(LinkTokens tokens, SiteSettings settings)
{
    public const string AcknowledgePurpose = LinkPurposes.TaskAcknowledge;
    public const string DonePurpose = LinkPurposes.TaskDone;
    public const string CalendarPurpose = LinkPurposes.Calendar;

    public string Acknowledge(Department department, string taskKey) =>
        Routes.WithToken(settings.PublicBaseUrl, Routes.AcknowledgeTask, tokens.Issue(AcknowledgePurpose, Subject(department.Id, taskKey)));

    public string Done(Department department, string taskKey) =>
        Routes.WithToken(settings.PublicBaseUrl, Routes.CompleteTask, tokens.Issue(DonePurpose, Subject(department.Id, taskKey)));

    /// <summary>
    /// The task on its document's public page (…/documents/2022-06/01#task-003), from its key issue|doc|task: no token,
    /// nothing of the department in it.
    /// </summary>
    public string? Task(string taskKey)
    {
        var parts = taskKey.Split('|');
        if (parts.Length < 3) return null;
        var issueKey = string.Join("|", parts[..^2]);
        return Routes.TaskUrl(settings.PublicBaseUrl, issueKey, parts[^2], parts[^1]).AbsoluteUri;
    }

    public string Calendar(Department department) => Routes.DepartmentCalendarUrl(settings.PublicBaseUrl, department.Id, CalendarToken(department.Id));

    public string CalendarToken(string departmentId) => tokens.Issue(CalendarPurpose, departmentId);

    /// <summary>Department id and task key in one token subject; ids are ASCII and task keys have no '#'.</summary>
    public static string Subject(string departmentId, string taskKey) => departmentId + "#" + taskKey;

    public static (string DepartmentId, string TaskKey)? ReadSubject(string? subject)
    {
        var at = subject?.IndexOf('#', StringComparison.Ordinal) ?? -1;
        return at > 0 && at < subject!.Length - 1 ? (subject[..at], subject[(at + 1)..]) : null;
    }
}
