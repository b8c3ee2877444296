using GazetteNotify.Formats.Html;
using GazetteNotify.Formats.Word;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Formats;

/// <summary>
/// Any upload → the text the parser reads, by what its bytes are, never by its name (there is no name here at all):
/// "%PDF-" in the first KB is a PDF; a ZIP (PK) or an OLE compound file (D0 CF 11 E0) goes to the Word reader, which
/// reads a .docx and names what else it is (an encrypted file, a .doc, an Excel workbook); text that begins as a web page
/// is HTML; everything else is text.
/// </summary>
/// <remarks>
/// Text is decoded here by the parser's own decoder (<see cref="IssueTextDecoder"/>: UTF-8/16, GB18030, refusals of
/// binaries), so every format hands the parser the same thing — decoded text for GazetteParser.ParseText — and one
/// decoder keeps the one definition of what text is. The decoder's lines are already normalised; ParseText normalises
/// them again, which leaves them as they are. What is lost is only the name of the encoding (UploadText has no place
/// for it): a caller that records it parses a Text upload's bytes with GazetteParser.Parse instead.
/// </remarks>
public static class UploadReader
{
    /// <summary>How far into the file "%PDF-" may start: PDF readers accept junk before the header within the first KB.</summary>
    private const int PdfHeaderWindow = 1024;

    public static UploadText Read(byte[] bytes) => Read(bytes, pdf => Pdf.PdfUploadReader.Read(pdf));

    /// <summary>Reads with the given PDF reader: the seam through which the PDF branch is wired in (and tests watch it).</summary>
    internal static UploadText Read(byte[] bytes, Func<byte[], UploadText> readPdf)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(readPdf);
        var format = Detect(bytes);
        if (bytes.Length > IssueTextDecoder.MaxBytes) return UploadText.Refuse(format, IssueTextDecoder.TooLarge(bytes.Length));

        try
        {
            return format switch
            {
                UploadFormat.Pdf => readPdf(bytes),
                UploadFormat.Word => WordUploadReader.Read(bytes),
                UploadFormat.Html => HtmlUploadReader.Read(bytes),
                _ => ReadText(bytes),
            };
        }
#pragma warning disable CA1031 // A reader must never take a host down: an unexpected failure is a refusal like any other.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return UploadText.Refuse(format, $"the file could not be read as {format} ({e.GetType().Name}: {e.Message})".ReplaceLineEndings(" "));
        }
    }

    /// <summary>The format of an upload from its bytes.</summary>
    public static UploadFormat Detect(ReadOnlySpan<byte> bytes)
    {
        // A container's signature at byte 0 is certain; a PDF header may follow some junk.
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8) || CompoundFile.IsCompoundFile(bytes)) return UploadFormat.Word;
        if (bytes[..Math.Min(bytes.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0) return UploadFormat.Pdf;
        return HtmlSignature.IsHtml(bytes) ? UploadFormat.Html : UploadFormat.Text;
    }

    private static UploadText ReadText(byte[] bytes)
    {
        var decoded = IssueTextDecoder.Decode(bytes);
        return decoded.Succeeded
            ? UploadText.Read(UploadFormat.Text, string.Join('\n', decoded.Lines!), decoded.Warnings)
            : UploadText.Refuse(UploadFormat.Text, decoded.Error!, decoded.Warnings);
    }
}
