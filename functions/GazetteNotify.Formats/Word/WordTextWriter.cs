using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// Writes a document's blocks as the lines the parser reads, in document order: one line per paragraph (its list
/// number rendered in front, its line breaks as further lines), a table as one line per row with cells separated by
/// tabs, and a text box's paragraphs where the box is anchored, before the paragraph that anchors it. The recursion
/// follows the XML's nesting, which <see cref="ZipInspection"/> has capped.
/// </summary>
internal sealed class WordTextWriter(WordLists lists, ListCounters counters, List<string> lines)
{
    private readonly StringBuilder _text = new();
    private string _carried = "";

    public List<string> Lines => lines;

    public void WriteBlocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph);
                    break;
                case Table table:
                    FlushCarried();
                    WordTable.Write(table, this);
                    break;
                case SectionProperties or ParagraphProperties or TableCellProperties:
                    break;
                case AlternateContent alternatives:
                    // The same content twice (a newer markup and its fallback): one of them.
                    if (((OpenXmlElement?)alternatives.GetFirstChild<AlternateContentChoice>() ?? alternatives.GetFirstChild<AlternateContentFallback>()) is { } chosen)
                    {
                        WriteBlocks(chosen);
                    }

                    break;
                default:
                    // Content controls (w:sdt), custom XML and the like wrap blocks without changing them.
                    if (child.HasChildren) WriteBlocks(child);
                    break;
            }
        }

        FlushCarried();
    }

    /// <summary>The lines the blocks of <paramref name="container"/> make, written apart from the document's (a table cell).</summary>
    public List<string> LinesOf(OpenXmlElement container)
    {
        var inner = new WordTextWriter(lists, counters, []);
        inner.WriteBlocks(container);
        return inner.Lines;
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        var boxes = new List<TextBoxContent>();
        _text.Clear();
        ParagraphContent.Read(paragraph, _text, boxes);
        var own = _text.ToString();
        foreach (var box in boxes) new WordTextWriter(lists, counters, lines).WriteBlocks(box);

        if (ParagraphContent.MarkDeleted(paragraph))
        {
            // The paragraph mark is a deleted revision: accepted, this paragraph runs on into the next, whose mark (and
            // so whose numbering) the joined paragraph keeps.
            _carried += own;
            return;
        }

        // Numbered even when empty: Word shows (and counts) the number of an empty list paragraph.
        var label = lists.NumberingOf(paragraph.ParagraphProperties) is { } numbering ? counters.Next(numbering.NumId, numbering.Level) : "";
        var text = label + _carried + own;
        _carried = "";
        foreach (var line in text.Split('\n')) lines.Add(line);
    }

    private void FlushCarried()
    {
        if (_carried.Length == 0) return;
        lines.Add(_carried);
        _carried = "";
    }
}
