using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// What differs between an issue parsed from its text and the same issue parsed from a Word or HTML copy, in the terms
/// an admin relies on: the documents (number and title), each document's tasks (item, lead and support units) and
/// time limits, compared as sets. Used by the Word and the HTML round-trip tests.
/// </summary>
internal sealed record IssueComparison(IReadOnlyList<string> Documents, IReadOnlyList<string> Tasks, IReadOnlyList<string> Deadlines)
{
    public int TaskDifferences => Tasks.Count;

    public IEnumerable<string> All => Documents.Concat(Tasks).Concat(Deadlines);

    public static IssueComparison Between(GazetteIssue expected, GazetteIssue actual)
    {
        var documents = new List<string>();
        var tasks = new List<string>();
        var deadlines = new List<string>();
        var keys = (GazetteDocument d) => $"{d.DocNumber} {d.Title}";
        var expectedKeys = expected.Documents.Select(keys).ToList();
        var actualKeys = actual.Documents.Select(keys).ToList();
        documents.AddRange(expectedKeys.Except(actualKeys).Select(k => $"document missing: {k}"));
        documents.AddRange(actualKeys.Except(expectedKeys).Select(k => $"document extra: {k}"));

        foreach (var document in expected.Documents)
        {
            var other = actual.Documents.FirstOrDefault(d => keys(d) == keys(document));
            if (other is null) continue;
            var name = document.DocNumber ?? document.Title;
            // A task that changed counts once, however it changed: the larger side of the two set differences.
            var missing = Minus(document.Tasks.Select(Task), other.Tasks.Select(Task));
            var extra = Minus(other.Tasks.Select(Task), document.Tasks.Select(Task));
            for (var i = 0; i < Math.Max(missing.Count, extra.Count); i++)
            {
                tasks.Add($"{name}: task {(i < missing.Count ? missing[i] : "(none)")} → {(i < extra.Count ? extra[i] : "(none)")}");
            }

            var limits = (GazetteDocument d) => d.Deadlines.Concat(d.Tasks.SelectMany(t => t.Deadlines)).Select(l => $"{l.Text}={l.Date}/{l.Kind}");
            deadlines.AddRange(Minus(limits(document), limits(other)).Select(l => $"{name}: time limit missing {l}"));
            deadlines.AddRange(Minus(limits(other), limits(document)).Select(l => $"{name}: time limit extra {l}"));
        }

        return new IssueComparison(documents, tasks, deadlines);
    }

    private static string Task(ResponsibilityTask task) =>
        $"[{task.Item}] lead {string.Join('、', task.Lead)} support {string.Join('、', task.Support)}";

    /// <summary>Multiset difference: each element of <paramref name="right"/> cancels one equal element of <paramref name="left"/>.</summary>
    private static List<string> Minus(IEnumerable<string> left, IEnumerable<string> right)
    {
        var remaining = right.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in left)
        {
            if (remaining.TryGetValue(item, out var count) && count > 0) remaining[item] = count - 1;
            else result.Add(item);
        }

        return result;
    }
}
