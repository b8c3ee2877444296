using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// What a parse of the PDF's text found differently from a parse of the text itself: documents (doc number and title),
/// tasks (item, lead and support units) and time limits, each compared as a set per document. Spaces beside Chinese
/// characters do not count: the samples have a few (2019 年年底) that a printed line break swallows when it falls there.
/// </summary>
public sealed partial record ParsedIssueDifference(IReadOnlyList<string> Documents, IReadOnlyList<string> Tasks, IReadOnlyList<string> Deadlines)
{
    public static ParsedIssueDifference Between(GazetteIssue fromText, GazetteIssue fromPdf) => new(
        SymmetricDifference(fromText.Documents.Select(DocumentKey), fromPdf.Documents.Select(DocumentKey)),
        SymmetricDifference(fromText.Documents.SelectMany(TaskKeys), fromPdf.Documents.SelectMany(TaskKeys)),
        SymmetricDifference(fromText.Documents.SelectMany(DeadlineKeys), fromPdf.Documents.SelectMany(DeadlineKeys)));

    /// <summary>Tasks found on one side only, counted once per task (a task that differs shows on both sides).</summary>
    public int TaskCount => Math.Max(Tasks.Count(t => t.StartsWith("text", StringComparison.Ordinal)), Tasks.Count(t => t.StartsWith("pdf", StringComparison.Ordinal)));

    public override string ToString() =>
        $"documents: {Documents.Count}, tasks: {TaskCount}, deadlines: {Deadlines.Count}\n" + string.Join('\n', Documents.Concat(Tasks).Concat(Deadlines));

    private static string DocumentKey(GazetteDocument d) => $"{d.DocNumber} {d.Title}";

    private static IEnumerable<string> TaskKeys(GazetteDocument d) =>
        d.Tasks.Select(t => $"{d.DocNumber ?? d.Title} #{t.Item}: {string.Join('、', t.Lead)} | {string.Join('、', t.Support)} | {string.Join('、', t.Deadlines.Select(x => x.Text))}");

    private static IEnumerable<string> DeadlineKeys(GazetteDocument d) => d.Deadlines.Select(x => $"{d.DocNumber ?? d.Title}: {x.Text} {x.Date}");

    private static string Unspaced(string key) => SpaceBesideChinese().Replace(key, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")]
    private static partial System.Text.RegularExpressions.Regex SpaceBesideChinese();

    /// <summary>Each key on one side only, as "text: key" or "pdf: key"; repeated keys count as often as they repeat.</summary>
    private static List<string> SymmetricDifference(IEnumerable<string> text, IEnumerable<string> pdf)
    {
        text = text.Select(Unspaced);
        pdf = pdf.Select(Unspaced);
        var left = text.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var right = pdf.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var only = new List<string>();
        foreach (var (key, count) in left)
        {
            for (var i = right.GetValueOrDefault(key); i < count; i++) only.Add("text: " + key);
        }

        foreach (var (key, count) in right)
        {
            for (var i = left.GetValueOrDefault(key); i < count; i++) only.Add("pdf:  " + key);
        }

        return only;
    }
}
