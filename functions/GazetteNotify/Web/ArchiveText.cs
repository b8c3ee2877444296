using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Queries;

namespace GazetteNotify.Web;

/// <summary>How the archive pages word stored values: dates, an issue's name, a document's validity and its tasks' limits.</summary>
public static class ArchiveText
{
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>聊城市人民政府公报 2022年第6期; a single document uploaded on its own: 单独发布的文件.</summary>
    public static string IssueName(IssueRow issue)
    {
        var numbers = string.IsNullOrEmpty(issue.IssueNumbers) ? "" : $"第{issue.IssueNumbers.Replace(",", "-", StringComparison.Ordinal)}期";
        var when = issue.Year is { } year ? $"{year}年{numbers}" : numbers;
        var name = string.Join(" ", new[] { issue.Title, when }.Where(s => !string.IsNullOrEmpty(s)));
        return name.Length > 0 ? name : "单独发布的文件";
    }

    /// <summary>自2022年7月1日起施行，有效期至2027年6月30日; null when the document says neither.</summary>
    public static string? Validity(DocumentRow row, Validity? parsed)
    {
        var from = parsed?.From ?? row.EffectiveFrom;
        var until = parsed?.Until ?? row.EffectiveUntil;
        var parts = new List<string>(2);
        if (from is { } f) parts.Add($"自{Date(f)}起施行");
        if (until is { } u) parts.Add($"有效期至{Date(u)}");
        return parts.Count == 0 ? null : string.Join("，", parts);
    }

    /// <summary>A limit as written, with the day it falls on when it names one: 6月底前（2022年6月30日）.</summary>
    public static string Limit(Deadline limit) =>
        limit.Date is { } d && !limit.Text.Contains(Date(d), StringComparison.Ordinal) ? $"{limit.Text}（{Date(d)}）" : limit.Text;

    /// <summary>
    /// The document's tasks in order, keyed as the Tasks rows are (001…): from the parse (limits with days, the
    /// paragraph each was read from) with each row's excerpt; from the rows alone when the parse is gone.
    /// </summary>
    public static IReadOnlyList<ArchiveTask> Tasks(ArchiveDocument document)
    {
        var rows = document.Tasks.ToDictionary(t => t.RowKey[(t.RowKey.IndexOf('|') + 1)..], StringComparer.Ordinal);
        if (document.Parsed is not { } parsed)
        {
            return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                new ArchiveTask(r.Key, r.Value.Item, r.Value.Excerpt, r.Value.Lead, r.Value.Support, r.Value.Deadlines, null))];
        }

        var tasks = new List<ArchiveTask>(parsed.Tasks.Count);
        for (var t = 0; t < parsed.Tasks.Count; t++)
        {
            var task = parsed.Tasks[t];
            var key = (t + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            var paragraph = task.Paragraph is { } p && p < parsed.Paragraphs.Count ? p : (int?)null;
            tasks.Add(new ArchiveTask(key, task.Item, rows.GetValueOrDefault(key)?.Excerpt, task.Lead, task.Support,
                [.. task.Deadlines.Select(Limit), .. task.Ongoing.Select(o => o.Text)], paragraph));
        }

        return tasks;
    }
}
