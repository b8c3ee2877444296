using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// Builds a .docx in memory with the Open XML SDK from WordprocessingML fragments, so a test shows the exact markup it
/// feeds the reader: the body's children, and optionally numbering.xml's and styles.xml's.
/// </summary>
internal static class Docx
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    public static byte[] Build(string body, string? numbering = null, string? styles = null, bool macroEnabled = false)
    {
        using var stream = new MemoryStream();
        var type = macroEnabled ? WordprocessingDocumentType.MacroEnabledDocument : WordprocessingDocumentType.Document;
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document($"<w:document {Namespaces}><w:body>{body}</w:body></w:document>");
            if (numbering is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering($"<w:numbering {Namespaces}>{numbering}</w:numbering>");
            }

            if (styles is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles($"<w:styles {Namespaces}>{styles}</w:styles>");
            }

            if (macroEnabled)
            {
                using var vba = new MemoryStream("not really VBA"u8.ToArray());
                main.AddNewPart<VbaProjectPart>().FeedData(vba);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of plain runs.</summary>
    public static string P(string text, string properties = "") => $"<w:p>{(properties.Length > 0 ? $"<w:pPr>{properties}</w:pPr>" : "")}<w:r><w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r></w:p>";

    /// <summary>A paragraph numbered by list <paramref name="numId"/> at level <paramref name="level"/>.</summary>
    public static string Numbered(string text, int numId, int level = 0) =>
        P(text, $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>");

    /// <summary>An abstract list of the given levels (w:lvl markup) and a w:num for each id given.</summary>
    public static string Level(int index, string format, string text, int start = 1, string suffix = "nothing", string extra = "") =>
        $"<w:lvl w:ilvl=\"{index}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/>{extra}<w:suff w:val=\"{suffix}\"/><w:lvlText w:val=\"{text}\"/></w:lvl>";

    public static string AbstractNum(int id, params string[] levels) => $"<w:abstractNum w:abstractNumId=\"{id}\">{string.Concat(levels)}</w:abstractNum>";

    public static string Num(int id, int abstractId, string overrides = "") => $"<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstractId}\"/>{overrides}</w:num>";

    public static string StartOverride(int level, int start) => $"<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride>";

    public static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    /// <summary>The reader's text of a document built from <paramref name="body"/>.</summary>
    public static string[] Lines(byte[] docx)
    {
        var read = GazetteNotify.Formats.Word.WordUploadReader.Read(docx);
        Assert.Null(read.Rejection);
        return read.Text!.Split('\n');
    }
}
