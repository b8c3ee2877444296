using System.Diagnostics;
using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// A gazette PDF (a printed issue of a 政府公报 or a single 公文) → the text the parser reads, as a person gets by
/// copying it from a viewer, but in reading order: lines by baseline with no spaces inside Chinese, two-column pages read
/// column by column between the headers and titles that run across both, running headers and page numbers dropped,
/// ruled tables rebuilt as tab-separated rows, radical code points of Type 3 fonts folded to ideographs. Works from the
/// letters and drawn rules PdfPig gives; its own layout analysers get gazette pages wrong (they join lines across the
/// gutter, read across both columns, or follow the producer's drawing order). Pure: no I/O beyond the bytes given.
/// </summary>
public static class PdfUploadReader
{
    /// <summary>An exception message quoted in a reason or warning is cut to this many characters.</summary>
    private const int MaxQuoted = 120;

    public static UploadText Read(byte[] bytes, PdfReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= PdfReadLimits.Default;
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = false });
        }
        catch (PdfDocumentEncryptedException)
        {
            return Refuse("the PDF is encrypted (password-protected): upload an unprotected copy");
        }
#pragma warning disable CA1031 // PdfPig throws many types, some not its own, on damaged files: each is a refusal, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Refuse($"the PDF could not be opened, it may be damaged or cut short ({Describe(e)})");
        }

        // A page whose font PdfPig cannot read throws; it is read again from a copy opened with SkipMissingFonts, which
        // drops the letters of that font instead, so the rest of the page is kept — with a warning, never silently.
        PdfDocument? lenient = null;
        try
        {
            return ReadPages(document, limits, () => lenient ??= PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }));
        }
        finally
        {
            document.Dispose();
            lenient?.Dispose();
        }
    }

    private static UploadText ReadPages(PdfDocument document, PdfReadLimits limits, Func<PdfDocument> lenient)
    {
        var warnings = new List<string>();
        int pageCount;
        try
        {
            pageCount = document.NumberOfPages;
        }
#pragma warning disable CA1031 // As above: a page tree PdfPig cannot walk is a refusal.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Refuse($"the PDF could not be opened, it may be damaged or cut short ({Describe(e)})");
        }

        if (pageCount == 0) return Refuse("the PDF has no pages");
        if (pageCount > limits.MaxPages)
        {
            warnings.Add(Invariant($"the PDF has {pageCount} pages; only the first {limits.MaxPages} were read"));
        }

        var pages = new List<ReadPage>();
        string? firstFailure = null;
        var empty = new List<int>();
        var letters = 0;
        var clock = Stopwatch.StartNew();
        var last = Math.Min(pageCount, limits.MaxPages);
        for (var number = 1; number <= last; number++)
        {
            if (clock.Elapsed > limits.MaxDuration)
            {
                warnings.Add(Invariant($"reading stopped at page {number} of {pageCount}: the PDF took longer than {limits.MaxDuration.TotalSeconds:0} s to read"));
                break;
            }

            try
            {
                var page = document.GetPage(number);
                letters += page.Letters.Count;
                if (letters > limits.MaxLetters)
                {
                    warnings.Add(Invariant($"reading stopped at page {number} of {pageCount}: the PDF holds more than {limits.MaxLetters:N0} letters"));
                    break;
                }

                var read = PageReader.Read(page);
                if (read.Items.Count == 0) empty.Add(number);
                pages.Add(read);
            }
#pragma warning disable CA1031 // A damaged page is read without its broken fonts, or skipped, with a warning; the rest is kept.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (ReadLeniently(lenient, number) is { Items.Count: > 0 } partial)
                {
                    pages.Add(partial);
                    warnings.Add(Invariant($"page {number}: part of its text could not be read and is missing ({Describe(e)})"));
                    continue;
                }

                firstFailure ??= Invariant($"page {number}: {Describe(e)}");
                warnings.Add(Invariant($"page {number} could not be read and was skipped ({Describe(e)})"));
            }
        }

        if (pages.Count == 0 || pages.TrueForAll(p => p.Items.Count == 0))
        {
            if (pages.Count == 0 && firstFailure is not null)
            {
                return Refuse($"no page of the PDF could be read, it may be damaged or cut short ({firstFailure})", warnings);
            }

            return Refuse(Invariant($"the PDF has no text layer ({Pages(pageCount)} of images, a scan?): it needs OCR before it can be read"), warnings);
        }

        if (empty.Count > 0)
        {
            warnings.Add(Invariant($"{Pages(empty.Count)} without text (images only, scanned?) skipped: {string.Join(", ", empty)}"));
        }

        RunningFurniture.Remove(pages);
        return UploadText.Read(UploadFormat.Pdf, TextAssembler.Assemble(pages), warnings);
    }

    private static ReadPage? ReadLeniently(Func<PdfDocument> lenient, int number)
    {
        try
        {
            return PageReader.Read(lenient().GetPage(number));
        }
#pragma warning disable CA1031 // The page is skipped with the first failure's warning.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static string Pages(int count) => count == 1 ? "1 page" : Invariant($"{count} pages");

    private static UploadText Refuse(string reason, IReadOnlyList<string>? warnings = null) => UploadText.Refuse(UploadFormat.Pdf, reason, warnings);

    /// <summary>An exception as a short single line: its type and the start of its message.</summary>
    private static string Describe(Exception e)
    {
        var message = string.Join(' ', e.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (message.Length > MaxQuoted) message = message[..MaxQuoted] + "…";
        return $"{e.GetType().Name}: {message}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
