using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// What a reader and a browser get from an HTML document, with the source's layout left out: every element in order
/// with all its attributes (links, forms and their fields, lang, charset, styles), the visible text of every block, any
/// text standing loose in a container, and whether an inline element stands after a space (two buttons apart or run
/// together). Two documents that differ only in white space between blocks have the same outline; a changed word,
/// link, field, style or gap between inline elements does not.
/// </summary>
public static class HtmlOutline
{
    /// <summary>Elements whose text is read as one block (text runs inside them, however split, count as one).</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "title", "style", "h1", "h2", "h3", "h4", "p", "li", "td", "th", "blockquote", "legend", "label", "option", "button",
        "summary", "a", "small", "strong", "code", "span", "textarea",
    };

    /// <summary>Elements that flow in a line, where a space before them shows.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "input", "label", "button", "select", "span", "small", "strong", "code", "textarea",
    };

    public static IReadOnlyList<string> Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string> { "doctype: " + (document.Doctype?.Name ?? "") };
        foreach (var element in document.All)
        {
            var attributes = string.Concat(element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\""));
            lines.Add($"<{element.LocalName}{attributes}>" + (Inline.Contains(element.LocalName) && AfterSpace(element) ? " (after a space)" : ""));
            if (Blocks.Contains(element.LocalName)) lines.Add("  text: " + Collapse(element.TextContent));
            else if (Collapse(string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data))) is { Length: > 0 } loose) lines.Add("  loose: " + loose);
        }

        return lines;
    }

    /// <summary>Preceded by text ending in white space that is not the start of its parent.</summary>
    private static bool AfterSpace(IElement element) =>
        element.PreviousSibling is IText text && text.Data.Length > 0 && IsSpace(text.Data[^1])
        && (text.PreviousSibling is not null || text.Data.Any(c => !IsSpace(c)));

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>HTML white space (not U+3000, which a reader sees) folded to one space, trimmed.</summary>
    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
