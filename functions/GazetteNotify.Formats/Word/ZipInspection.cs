using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// What a ZIP upload declares before anything is decompressed: the sizes of its entries, whether it holds a Word main
/// document, macros, or is an Excel or PowerPoint file. A zip bomb (a few KB that inflate to gigabytes) is refused on
/// the declared sizes; an entry that lies about its size is still capped when read, by the Open XML SDK's limit on
/// the characters of a part (<see cref="WordUploadReader"/>). Its XML parts are then streamed once for their depth: the
/// Open XML SDK loads an element's children by parsing it again, so time grows with the square of the nesting (20,000
/// nested content controls, 2 MB, took it over two minutes), and no real document nests 256 elements deep.
/// </summary>
internal sealed record ZipInspection(string? Rejection, bool HasMacros)
{
    /// <summary>All entries together, uncompressed: a 200-page 公文 with images is a few MB; no real upload needs 100 MB.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>XML compresses 10–20×; past 100× an entry of any size is a bomb, not a document.</summary>
    public const long MaxRatio = 100;

    /// <summary>Small entries compress oddly (a run of spaces); the ratio is checked from this size on.</summary>
    public const long RatioCheckedFrom = 1024 * 1024;

    /// <summary>A .docx has a few dozen entries; thousands are an archive of something else, or an attack on the reader.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>A text box in a table cell in a table cell is some 40 elements deep; 256 is no document.</summary>
    public const int MaxXmlDepth = 256;

    public static ZipInspection Inspect(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return Refused(FormattableString.Invariant($"the file is a ZIP archive of {zip.Entries.Count:N0} entries, far more than a Word document has: refused as unsafe to open"));
            }

            long total = 0;
            bool document = false, macros = false, workbook = false, presentation = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length >= RatioCheckedFrom && entry.Length > MaxRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return Refused(string.Create(CultureInfo.InvariantCulture,
                        $"the file is a zip bomb: its part {entry.FullName} inflates {entry.Length / Math.Max(entry.CompressedLength, 1):N0}× to {Megabytes(entry.Length)}; refused unopened"));
                }

                var name = entry.FullName.Replace('\\', '/');
                document |= name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase);
                macros |= name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);
                workbook |= name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                presentation |= name.Equals("ppt/presentation.xml", StringComparison.OrdinalIgnoreCase);
            }

            if (total > MaxUncompressedBytes)
            {
                return Refused(string.Create(CultureInfo.InvariantCulture,
                    $"the file inflates to {Megabytes(total)}, over the {Megabytes(MaxUncompressedBytes)} a Word upload may hold: refused unopened (a zip bomb?)"));
            }

            if (!document)
            {
                return Refused(workbook ? "the file is an Excel workbook, not a Word document: upload the document itself (.docx, PDF or text)"
                    : presentation ? "the file is a PowerPoint presentation, not a Word document: upload the document itself (.docx, PDF or text)"
                    : "the file is a ZIP archive without a Word document in it (no word/document.xml): upload the .docx itself");
            }

            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
                var (depth, rootNamespace) = XmlShape(entry);
                if (depth > MaxXmlDepth)
                {
                    return Refused(FormattableString.Invariant($"the Word file nests its XML ({entry.FullName}) over {MaxXmlDepth} levels deep, which no real document does: refused as unsafe to read"));
                }

                if (rootNamespace.StartsWith("http://purl.oclc.org/ooxml/", StringComparison.Ordinal) && entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase))
                {
                    // Word's "Strict Open XML Document": other namespaces throughout, which the Open XML SDK does not read.
                    return Refused("the Word file is saved as Strict Open XML, which cannot be read: save it as an ordinary Word document (.docx) and upload that");
                }
            }

            return new ZipInspection(null, macros);
        }
        catch (XmlException)
        {
            return Refused("the Word file is damaged: one of its XML parts is not well-formed (or declares a DTD, which Word never writes)");
        }
        catch (InvalidDataException)
        {
            return Refused("the Word file is damaged: its ZIP structure cannot be read (cut short by an interrupted download?)");
        }
    }

    /// <summary>The deepest nesting of an XML part and its root element's namespace, read as a stream (stopping past the limit).</summary>
    private static (int Depth, string RootNamespace) XmlShape(ZipArchiveEntry entry)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = WordUploadReader.MaxCharactersInPart,
        };
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, settings);
        var deepest = 0;
        string? root = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            root ??= reader.NamespaceURI;
            deepest = Math.Max(deepest, reader.Depth);
            if (deepest > MaxXmlDepth) break;
        }

        return (deepest, root ?? "");
    }

    private static ZipInspection Refused(string reason) => new(reason, false);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
