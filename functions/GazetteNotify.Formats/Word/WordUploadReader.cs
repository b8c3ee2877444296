using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// A Word upload → the text the parser reads. A .docx is read with the Open XML SDK: the body's paragraphs and tables in
/// document order, list numbers rendered from numbering.xml, text boxes where they are anchored, revisions accepted;
/// headers, footers, comments and footnotes are not the document's text and are left out. What is not a readable .docx
/// is refused in one line: an encrypted Office file, a Word 97–2003 .doc, a damaged or oversized ZIP.
/// </summary>
public static class WordUploadReader
{
    /// <summary>
    /// Characters one XML part may hold when read: caps a part whose ZIP entry lies about its size (the declared sizes are
    /// checked first, <see cref="ZipInspection"/>). The text of the longest issue is about 200,000 characters; its XML a
    /// few million.
    /// </summary>
    public const long MaxCharactersInPart = 50_000_000;

    public static UploadText Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (CompoundFile.IsCompoundFile(bytes)) return Refuse(LegacyOfficeReason(bytes));
        if (!bytes.AsSpan().StartsWith("PK"u8)) return Refuse("the file is not a Word document (.docx)");

        var inspection = ZipInspection.Inspect(bytes);
        if (inspection.Rejection is { } rejection) return Refuse(rejection);

        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false };
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false, settings);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body) return Refuse("the Word file is damaged: it has no document body");

            var warnings = new List<string>();
            // Macros are read over, never run: reading the text is as safe as with a .docx, and refusing would only make the
            // admin save the same text again. The warning says they were there and were not kept.
            if (inspection.HasMacros || main.VbaProjectPart is not null
                || document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                warnings.Add("the Word file contains macros (.docm): they were ignored, only the text was read");
            }

            var lists = WordLists.Of(main);
            var writer = new WordTextWriter(lists, new ListCounters(lists), []);
            writer.WriteBlocks(body);
            if (main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.AltChunk>().Any())
            {
                warnings.Add("the Word file embeds other documents (altChunk) that were not read");
            }

            var text = string.Join('\n', writer.Lines);
            if (string.IsNullOrWhiteSpace(text))
            {
                return Refuse("the Word document holds no text (only images? a scan saved as Word cannot be read)");
            }

            return UploadText.Read(UploadFormat.Word, text, warnings);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException or IOException or FormatException)
        {
            return Refuse($"the Word file is damaged and cannot be read ({e.GetType().Name})");
        }
    }

    /// <summary>Why an OLE compound file cannot be read: encrypted (any Office version), or an old binary Office format.</summary>
    private static string LegacyOfficeReason(byte[] bytes)
    {
        var names = CompoundFile.EntryNames(bytes);
        if (names is null) return "the file is an Office 97–2003 file that is damaged: save the document as .docx and upload that";
        if (names.Contains("EncryptedPackage") || names.Contains("EncryptionInfo"))
        {
            return "the Word file is encrypted (password-protected): upload an unprotected copy";
        }

        if (names.Contains("WordDocument")) return "the file is a Word 97–2003 .doc: save it as .docx and upload that";
        if (names.Contains("Workbook") || names.Contains("Book")) return "the file is an Excel 97–2003 .xls, not a Word document: upload the document itself";
        if (names.Contains("PowerPoint Document")) return "the file is a PowerPoint 97–2003 .ppt, not a Word document: upload the document itself";
        return "the file is an Office 97–2003 file, not a Word .docx: save the document as .docx and upload that";
    }

    private static UploadText Refuse(string reason) => UploadText.Refuse(UploadFormat.Word, reason);
}
