using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// Writes part of a page as the lines the parser reads: each block (&lt;p&gt;, &lt;div&gt;, headings, list items) and
/// each &lt;br&gt; ends a line, an empty &lt;p&gt; is an empty line, a table is a line per row with cells separated by
/// tabs (<see cref="HtmlTable"/>), &lt;pre&gt; keeps its lines. Whitespace collapses as a browser collapses it, and a
/// line break in the source between two Chinese characters disappears (CSS Text's rule for CJK), so text wrapped in
/// the HTML source does not come out with spaces inside words. Only text is written: no markup, no attribute, no script.
/// </summary>
internal sealed class HtmlLineWriter
{
    /// <summary>Deeper nesting is hostile or broken markup: past this the text of a subtree is taken flat, not walked.</summary>
    private const int MaxDepth = 200;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header",
        "footer", "main", "aside", "nav", "blockquote", "center", "address", "figure", "figcaption", "hr", "form", "fieldset",
        "caption", "details", "summary", "tr", "tbody", "thead", "tfoot", "body", "html",
    };

    private readonly StringBuilder _line = new();
    private readonly Dictionary<IElement, int> _listCounts = [];
    private bool _pendingSpace;
    private bool _pendingBreakInSource;
    private int _depth;

    public List<string> Lines { get; } = [];

    /// <summary>An element not to write (the article, when the information fields around it are read).</summary>
    public IElement? Skip { get; init; }

    public void Write(INode node)
    {
        if (node is IText text)
        {
            AppendCollapsed(text.Data);
            return;
        }

        if (node is not IElement element || element == Skip || PageCleaner.IsNotText(element)) return;
        if (++_depth > MaxDepth)
        {
            AppendCollapsed(element.TextContent);
            _depth--;
            return;
        }

        switch (element)
        {
            case IHtmlBreakRowElement:
                EndLine(force: true);
                break;
            case IHtmlTableElement table:
                EndLine(force: false);
                HtmlTable.Write(table, this);
                break;
            case IHtmlPreElement:
                EndLine(force: false);
                foreach (var line in element.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')) Lines.Add(line.TrimEnd());
                break;
            case IHtmlParagraphElement:
                EndLine(force: false);
                var before = Lines.Count;
                WriteChildren(element);
                // An empty paragraph (<p>&nbsp;</p>) is the page's blank line.
                EndLine(force: Lines.Count == before && _line.Length == 0);
                break;
            default:
                var block = Blocks.Contains(element.LocalName);
                if (block) EndLine(force: false);
                if (element is IHtmlListItemElement && element.ParentElement is IHtmlOrderedListElement list) AppendCollapsed(ItemNumber(list, element));
                WriteChildren(element);
                if (block) EndLine(force: false);
                break;
        }

        _depth--;
    }

    public void WriteChildren(INode node)
    {
        foreach (var child in node.ChildNodes) Write(child);
    }

    /// <summary>Ends the current line; an empty one is written only when <paramref name="force"/> (a &lt;br&gt;, an empty &lt;p&gt;).</summary>
    public void EndLine(bool force)
    {
        var line = _line.ToString().Trim();
        _line.Clear();
        _pendingSpace = false;
        _pendingBreakInSource = false;
        if (line.Length > 0 || force) Lines.Add(line);
    }

    /// <summary>The text of <paramref name="node"/> on one line: a table cell's paragraphs joined by spaces, its tabs made spaces.</summary>
    public static string OneLine(INode node, int depth)
    {
        var writer = new HtmlLineWriter { _depth = depth };
        writer.WriteChildren(node);
        writer.EndLine(force: false);
        return string.Join(' ', writer.Lines.Select(l => l.Replace('\t', ' ').Trim()).Where(l => l.Length > 0));
    }

    public int Depth => _depth;

    private void AppendCollapsed(string data)
    {
        foreach (var raw in data)
        {
            var c = raw == '\u00A0' ? ' ' : raw;
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pendingSpace = true;
                _pendingBreakInSource |= c is '\n' or '\r';
                continue;
            }

            if (_pendingSpace && _line.Length > 0)
            {
                var joinsCjk = _pendingBreakInSource && IsWide(_line[^1]) && IsWide(c);
                if (!joinsCjk) _line.Append(' ');
            }

            _pendingSpace = false;
            _pendingBreakInSource = false;
            _line.Append(c);
        }
    }

    /// <summary>
    /// The number a browser shows before an item of an &lt;ol&gt; ("3. ", "c. ", or "三、" for a CJK list style): like a
    /// Word list's, it is not in the text, and without it the parser loses the item.
    /// </summary>
    private string ItemNumber(IHtmlOrderedListElement list, IElement item)
    {
        var number = int.TryParse(item.GetAttribute("value"), out var value) ? value
            : _listCounts.TryGetValue(list, out var previous) ? previous + 1
            : list.Start;
        _listCounts[list] = number;
        var style = list.GetAttribute("style") ?? "";
        if (style.Contains("cjk-ideographic", StringComparison.OrdinalIgnoreCase) || style.Contains("chinese-informal", StringComparison.OrdinalIgnoreCase))
        {
            return Word.ListNumberFormat.Format(number, "chineseCounting") + "、";
        }

        var format = list.Type switch
        {
            "a" => "lowerLetter",
            "A" => "upperLetter",
            "i" => "lowerRoman",
            "I" => "upperRoman",
            _ => "decimal",
        };
        return Word.ListNumberFormat.Format(number, format) + ". ";
    }

    /// <summary>Chinese characters and full-width punctuation, between which a source line break is no space.</summary>
    private static bool IsWide(char c) => TextShape.IsCjk(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';
}
