using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// The text of a paragraph as Word shows it with all changes accepted: runs in order, w:tab as a tab, w:br and w:cr as
/// line breaks; deleted and moved-away revisions (w:del, w:moveFrom), field instructions and hidden text left out;
/// inserted revisions kept. Text boxes anchored in the paragraph are collected rather than inlined: a 版头 in a
/// floating box is not part of the sentence it happens to be anchored in.
/// </summary>
internal static class ParagraphContent
{
    public static void Read(OpenXmlElement element, StringBuilder text, List<TextBoxContent> boxes)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case TextBoxContent box:
                    boxes.Add(box);
                    break;
                case AlternateContent alternatives:
                    // mc:AlternateContent holds the same shape twice (DrawingML and a VML fallback): read one of them.
                    if (((OpenXmlElement?)alternatives.GetFirstChild<AlternateContentChoice>() ?? alternatives.GetFirstChild<AlternateContentFallback>()) is { } chosen)
                    {
                        Read(chosen, text, boxes);
                    }

                    break;
                case Run run when IsHidden(run.RunProperties):
                case DeletedRun or MoveFromRun or DeletedText or FieldCode or DeletedFieldCode:
                case ParagraphProperties or RunProperties:
                case RubyContent:
                    break;
                default:
                    // Runs, w:ins, w:moveTo, hyperlinks, fields' results, content controls, drawings on the way to a text box.
                    if (child.HasChildren) Read(child, text, boxes);
                    break;
            }
        }
    }

    /// <summary>w:vanish: hidden text does not print and is not part of the document a reader sees.</summary>
    private static bool IsHidden(RunProperties? properties) => properties?.Vanish is { } vanish && (vanish.Val?.Value ?? true);

    /// <summary>True when the paragraph mark itself is a deleted revision: accepting it joins the paragraph to the next.</summary>
    public static bool MarkDeleted(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is not null;
}
