using System.Globalization;
using System.Text;
using GazetteNotify.Alerts;
using GazetteNotify.Mail;

namespace GazetteNotify.Reminders;

/// <summary>
/// A department's reminder → subject, HTML and plain text: per task the doc number and title, the item's text, the
/// department's role, the limit as written and the day it resolves to, days left or overdue, and the signed links to
/// acknowledge it or mark it done; the calendar link at the end. Every value is escaped in the HTML part.
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

    private static string Source(ReminderItem item)
    {
        var t = item.Task;
        return (t.DocNumber is null ? t.Title : $"{t.DocNumber}《{t.Title}》") + (t.Item is null ? "" : $" 第{t.Item}项");
    }

    private static string Limit(ReminderItem item) =>
        $"时限：{item.Task.Phrase} → {item.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}（{When(item)}）";

    private static string Html(DepartmentReminder reminder, ReminderLinks links, string subject, string calendar)
    {
        var e = Mail.HtmlText.Encoder;
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(e.Encode(subject)).Append("</title></head>\n")
          .Append("<body style=\"font-family: sans-serif; line-height: 1.6; max-width: 40em; margin: 0 auto; padding: 1em;\">\n")
          .Append("<h1 style=\"font-size: 1.3em;\">").Append(e.Encode(subject)).Append("</h1>\n");
        foreach (var item in reminder.Items)
        {
            var color = item.Overdue ? "#a00" : "#333";
            sb.Append("<div style=\"margin-bottom: 1.5em;\">\n<h2 style=\"font-size: 1.05em; margin-bottom: 0.2em; color: ").Append(color).Append(";\">")
              .Append(item.Overdue ? "【已逾期】" : "").Append(e.Encode(Source(item))).Append("</h2>\n")
              .Append("<p style=\"margin: 0;\">角色：").Append(e.Encode(RoleName(item.Role))).Append('　').Append(e.Encode(Limit(item))).Append("</p>\n");
            if (!string.IsNullOrEmpty(item.Task.Excerpt)) sb.Append("<blockquote style=\"margin: 0.4em 0; color: #555;\">").Append(e.Encode(item.Task.Excerpt)).Append("</blockquote>\n");
            sb.Append("<p><a href=\"").Append(e.Encode(links.Acknowledge(reminder.Department, item.Task.TaskKey))).Append("\">已收到</a> · <a href=\"")
              .Append(e.Encode(links.Done(reminder.Department, item.Task.TaskKey))).Append("\">标记为已完成</a></p>\n</div>\n");
        }

        sb.Append("<hr>\n<p style=\"font-size: 0.9em;\">把本单位的全部时限加入日历：<a href=\"").Append(e.Encode(calendar)).Append("\">订阅日历（.ics）</a></p>\n</body></html>\n");
        return sb.ToString();
    }

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
            sb.Append("   已收到：").Append(links.Acknowledge(reminder.Department, item.Task.TaskKey)).Append('\n')
              .Append("   标记为已完成：").Append(links.Done(reminder.Department, item.Task.TaskKey)).Append("\n\n");
        }

        sb.Append("订阅本单位的时限日历（.ics）：").Append(calendar).Append('\n');
        return sb.ToString();
    }
}
