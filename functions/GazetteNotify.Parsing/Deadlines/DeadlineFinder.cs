using System.Buffers;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Finds the time limits a passage of a Chinese government document sets (6月底前, 2022年8月31日前, 年底前, 上半年,
/// 一季度, 到2025年, 3个工作日内, 每季度…) and resolves each to the last day that still meets it. Pure and
/// allocation-free when nothing is found.
/// </summary>
public static class DeadlineFinder
{
    /// <summary>Every time limit contains one of these; text without any is skipped without running the regex.</summary>
    private static readonly SearchValues<char> Triggers = SearchValues.Create("月年季内每");

    private static readonly Deadline[] None = [];

    /// <summary>
    /// Every time limit in `text` (a paragraph, a clause or a table cell), in order of appearance, each resolved to the
    /// last day that still meets it. `anchor` is the document's signing date (成文日期), or the issue date when unknown.
    /// </summary>
    public static IReadOnlyList<Deadline> FindAll(string text, DateOnly anchor)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Triggers) < 0) return None;

        List<Deadline>? found = null;
        var previousEnd = 0;
        for (var (index, length) = PhraseScanner.Next(text, 0); length > 0; (index, length) = PhraseScanner.Next(text, index + length))
        {
            var end = index + length;
            while (end > index && PhraseContext.IsSpace(text[end - 1])) end--;
            if (!PhraseInterpreter.TryRead(text, index, end, anchor, out var start, out var kind, out var date)) continue;

            // A range's start never reaches back over a limit already found.
            if (start < previousEnd) start = index;
            found ??= [];
            if (start == index && kind == DeadlineKind.Deadline && text[end - 1] == '前') AddListed(text, index, previousEnd, anchor, found);
            found.Add(LimitTerms.Complete(new Deadline(text[start..end], date, kind), text, index, end));
            previousEnd = end;
        }

        return found is null ? None : found;
    }

    /// <summary>The dates listed before a dated limit that share its 前 (3月25日、6月25日、9月25日前), each a limit.</summary>
    private static void AddListed(string text, int index, int floor, DateOnly anchor, List<Deadline> found)
    {
        var listYear = -1;
        foreach (var (start, end) in DateList.Before(text, index, floor))
        {
            var date = DateList.DateOf(text, start, end, anchor, ref listYear);
            if (date is not null) found.Add(new Deadline(text[start..end], date, DeadlineKind.Deadline));
        }
    }
}
