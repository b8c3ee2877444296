using System.Globalization;
using System.Text;
using GazetteNotify.Html;
using GazetteNotify.Mail;

namespace GazetteNotify.Reminders;

/// <summary>
/// A department's reminder → subject, HTML and plain text: per task the doc number and title, the item's text, the
/// department's role, the limit as written and the day it resolves to, days left or overdue, and the signed links to
/// acknowledge it or mark it done; the calendar link at the end. The HTML part is the component <see cref="ReminderMail"/>
/// (encoded by the renderer); the plain-text part is written here.
/// </summary>
public static class ReminderRenderer
{
    public static RenderedMail Render(DepartmentReminder reminder, ReminderLinks links, string gazetteName, string to = "")
    {
        var overdue = reminder.OverdueCount;
        var subject = $"{gazetteName}：{reminder.Department.Name}有 {reminder.Items.Count} 项任务即将到期" + (overdue > 0 ? $"（其中 {overdue} 项已逾期）" : "");
        var calendar = links.Calendar(reminder.Department);
        return new RenderedMail(to, subject, Html(reminder, links, subject, calendar), Text(reminder, links, subject, calendar), new Dictionary<string, string>());
    }

    public static string RoleName(TaskRole role) => role switch
    {
        TaskRole.Lead => "牵头",
        TaskRole.Support => "配合",
        _ => "责任单位",
    };

    public static string When(ReminderItem item) => item.DaysLeft switch
    {
        < 0 => $"已逾期 {-item.DaysLeft} 天",
        0 => "今天到期",
        _ => $"还有 {item.DaysLeft} 天",
    };

    internal static string Source(ReminderItem item)
    {
        var t = item.Task;
        return (t.DocNumber is null ? t.Title : $"{t.DocNumber}《{t.Title}》") + (t.Item is null ? "" : $" 第{t.Item}项");
    }

    internal static string Limit(ReminderItem item) =>
        $"时限：{item.Task.Phrase} → {item.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}（{When(item)}）";

    /// <summary>The HTML part: <see cref="ReminderMail"/>.</summary>
    private static string Html(DepartmentReminder reminder, ReminderLinks links, string subject, string calendar) =>
        ComponentHtml.Render<ReminderMail>(new()
            { [nameof(ReminderMail.Reminder)] = reminder, [nameof(ReminderMail.Links)] = links, [nameof(ReminderMail.Subject)] = subject,
              [nameof(ReminderMail.Calendar)] = calendar });

    private static string Text(DepartmentReminder reminder, ReminderLinks links, string subject, string calendar)
    {
        var sb = new StringBuilder(2048);
        sb.Append(subject).Append("\n\n");
        var n = 1;
        foreach (var item in reminder.Items)
        {
            sb.Append(n++).Append(". ").Append(item.Overdue ? "【已逾期】" : "").Append(Source(item)).Append('\n')
              .Append("   角色：").Append(RoleName(item.Role)).Append('　').Append(Limit(item)).Append('\n');
            if (!string.IsNullOrEmpty(item.Task.Excerpt)) sb.Append("   ").Append(item.Task.Excerpt).Append('\n');
            if (links.Task(item.Task.TaskKey) is { } original) sb.Append("   查看原文：").Append(original).Append('\n');
            sb.Append("   已收到：").Append(links.Acknowledge(reminder.Department, item.Task.TaskKey)).Append('\n')
              .Append("   标记为已完成：").Append(links.Done(reminder.Department, item.Task.TaskKey)).Append("\n\n");
        }

        sb.Append("订阅本单位的时限日历（.ics）：").Append(calendar).Append('\n');
        return sb.ToString();
    }
}
