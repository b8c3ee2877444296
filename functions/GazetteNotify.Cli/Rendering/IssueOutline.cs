using System.Globalization;
using System.Text;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Cli.Rendering;

/// <summary>A readable outline of a parsed issue for an admin: documents, their tasks with units and dates, warnings.</summary>
public static class IssueOutline
{
    public static string Render(GazetteIssue issue)
    {
        var sb = new StringBuilder();
        var g = issue.Gazette;
        var taskCount = issue.Documents.Sum(d => d.Tasks.Count);
        var deadlineCount = issue.Documents.Sum(d => d.Deadlines.Count);
        // Storage (`gazette issues`, `show`, reminders) keeps the limits of tasks, one per task that carries it; a limit
        // with no responsible unit (本办法自…起施行) is read but reminds nobody. Both counts are said, so they never disagree unexplained.
        var onTasks = issue.Documents.Sum(d => d.Tasks.Sum(t => t.Deadlines.Count));
        sb.Append(g.IsIssue ? string.Create(CultureInfo.InvariantCulture, $"{g.Title} {g.Year}年 第{string.Join("-", g.IssueNumbers)}期") : "单份文件（不是公报的一期）");
        if (g.CumulativeNumbers.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"（总第{string.Join("-", g.CumulativeNumbers)}期）");
        sb.Append(CultureInfo.InvariantCulture, $" — {issue.Documents.Count} documents, {taskCount} tasks, {deadlineCount} deadlines in the text ({onTasks} on tasks: what `gazette issues` counts and reminders use), {issue.Warnings.Count} warnings\n");

        string? section = null;
        var n = 0;
        foreach (var d in issue.Documents)
        {
            if (d.Section != section)
            {
                section = d.Section;
                sb.Append(CultureInfo.InvariantCulture, $"\n◎ {(section.Length > 0 ? section : "(no section)")}\n");
            }

            n++;
            sb.Append(CultureInfo.InvariantCulture, $"{n,2}. {(d.DocNumber is null ? "" : d.DocNumber + " ")}{d.Title}");
            if (d.TocPage is not null) sb.Append(CultureInfo.InvariantCulture, $"  (p.{d.TocPage})");
            sb.Append('\n');
            sb.Append("    ").Append(string.Join(" · ", new[] { d.Issuer, Date(d.SignedDate), d.Kind }.Where(s => s is not null))).Append('\n');
            if (d.AttachmentTitle is not null) sb.Append("    attached: ").Append(d.AttachmentTitle).Append('\n');
            if (d.Topics.Count > 0) sb.Append("    topics: ").Append(string.Join("、", d.Topics)).Append('\n');
            if (d.Summary.Length > 0) sb.Append("    summary: ").Append(d.Summary).Append('\n');
            if (d.Effective is { } e) sb.Append(CultureInfo.InvariantCulture, $"    effective: {Date(e.From) ?? "?"} → {Date(e.Until) ?? "open"}\n");
            if (d.Repeals.Count > 0) sb.Append("    repeals: ").Append(string.Join("、", d.Repeals)).Append('\n');
            if (d.References.Count > 0) sb.Append("    cites: ").Append(string.Join("、", d.References)).Append('\n');
            if (d.Tasks.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    tasks ({d.Tasks.Count}):\n");
                foreach (var t in d.Tasks)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"      {t.Item ?? "-",-6} lead: {string.Join("、", t.Lead)}");
                    if (t.Support.Count > 0) sb.Append(" | support: ").Append(string.Join("、", t.Support));
                    if (t.Deadlines.Count > 0) sb.Append(" | due: ").Append(string.Join("; ", t.Deadlines.Select(Describe)));
                    sb.Append('\n');
                }
            }

            var loose = d.Deadlines.Where(x => !d.Tasks.Any(t => t.Deadlines.Contains(x))).ToList();
            if (loose.Count > 0) sb.Append("    other time limits: ").Append(string.Join("; ", loose.Select(Describe))).Append('\n');
        }

        if (issue.Warnings.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nwarnings ({issue.Warnings.Count}):\n");
            foreach (var w in issue.Warnings) sb.Append("  - ").Append(w).Append('\n');
        }

        return sb.ToString();
    }

    private static string Describe(Deadline d) => d.Kind switch
    {
        DeadlineKind.Relative or DeadlineKind.Recurring => $"{d.Text} ({d.Kind.ToString().ToLowerInvariant()})",
        DeadlineKind.Target => $"{d.Text} → {Date(d.Date)} (target)",
        _ => $"{d.Text} → {Date(d.Date)}",
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
