namespace GazetteNotify.Web;

/// <summary>A task as its document's page shows it: 谁 (lead, support), 做什么 (item, excerpt), 何时 (limits), and where in the text.</summary>
public sealed record ArchiveTask(string Key, string? Item, string? Excerpt, IReadOnlyList<string> Lead, IReadOnlyList<string> Support, IReadOnlyList<string> Limits, int? Paragraph)
{
    public string Anchor => Site.Routes.TaskAnchor(Key);

    public string Label => Item is { Length: > 0 } item ? $"第{item.Trim('（', '）', '(', ')', '、', '.', '．')}项" : $"任务{int.Parse(Key, System.Globalization.CultureInfo.InvariantCulture)}";
}
