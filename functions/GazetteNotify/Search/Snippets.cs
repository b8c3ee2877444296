namespace GazetteNotify.Search;

/// <summary>
/// The highlighter's output as parts: it marks words with two private-use characters (which no indexed text holds),
/// and here they become <see cref="SnippetPart"/>s — the page writes each as text, a marked one inside &lt;mark&gt;. No
/// HTML ever comes out of the index.
/// </summary>
public static class Snippets
{
    public const string Gap = " … ";

    public static IReadOnlyList<SnippetPart> Parts(string marked)
    {
        var parts = new List<SnippetPart>();
        var start = 0;
        var inMark = false;
        for (var i = 0; i <= marked.Length; i++)
        {
            var end = i == marked.Length;
            if (!end && marked[i] != SearchFields.MarkStart && marked[i] != SearchFields.MarkEnd) continue;
            if (i > start) Add(parts, marked[start..i].Replace('\n', ' '), inMark);
            if (!end) inMark = marked[i] == SearchFields.MarkStart;
            start = i + 1;
        }

        return parts;
    }

    /// <summary>Fragments of the text, in the highlighter's order, with a gap between them.</summary>
    public static IReadOnlyList<SnippetPart> Join(IEnumerable<string> fragments)
    {
        var parts = new List<SnippetPart>();
        foreach (var fragment in fragments)
        {
            if (parts.Count > 0) Add(parts, Gap, false);
            foreach (var p in Parts(fragment.Trim())) Add(parts, p.Text, p.Marked);
        }

        return parts;
    }

    /// <summary>No word in the text to show (a match in the title or by filters alone): the summary, else the text's opening.</summary>
    public static IReadOnlyList<SnippetPart> Opening(string? summary, string? text, int chars)
    {
        var source = !string.IsNullOrWhiteSpace(summary) ? summary : text ?? "";
        source = source.Replace('\n', ' ').Trim();
        return source.Length == 0 ? [] : [new SnippetPart(source.Length > chars ? source[..chars] + "…" : source, false)];
    }

    private static void Add(List<SnippetPart> parts, string text, bool marked)
    {
        if (text.Length == 0) return;
        if (parts.Count > 0 && parts[^1].Marked == marked) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        else parts.Add(new SnippetPart(text, marked));
    }
}
