using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// What a reader and a browser get from an HTML document, with the source's layout left out: every element in order
/// with all its attributes (links, forms and their fields, lang, charset, styles), the visible text of every block, and
/// any text standing loose in a container. Two documents that differ only in white space between tags have the same
/// outline; a changed word, link, field or style does not.
/// </summary>
public static class HtmlOutline
{
    /// <summary>Elements whose text is read as one block (text runs inside them, however split, count as one).</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "title", "style", "h1", "h2", "h3", "h4", "p", "li", "td", "th", "blockquote", "legend", "label", "option", "button",
        "summary", "a", "small", "strong", "code", "span", "textarea",
    };

    public static IReadOnlyList<string> Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string> { "doctype: " + (document.Doctype?.Name ?? "") };
        foreach (var element in document.All)
        {
            var attributes = string.Concat(element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\""));
            lines.Add($"<{element.LocalName}{attributes}>");
            if (Blocks.Contains(element.LocalName)) lines.Add("  text: " + Collapse(element.TextContent));
            else if (Collapse(string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data))) is { Length: > 0 } loose) lines.Add("  loose: " + loose);
        }

        return lines;
    }

    /// <summary>HTML white space (not U+3000, which a reader sees) folded to one space, trimmed.</summary>
    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
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
