using GazetteNotify.Formats;
using GazetteNotify.Formats.Pdf;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// What an admin uploads that cannot be read: each refused with one line saying why, or read as far as it goes with a
/// warning naming what was lost — never an exception out of the reader.
/// </summary>
[Collection(PdfPrinting.Name)]
public sealed class BadPdfTests(PdfPrinter printer)
{
    [Fact]
    public void Password_protected_pdf_is_refused_asking_for_an_unprotected_copy()
    {
        var read = PdfUploadReader.Read(HandmadePdf.Encrypted(userPassword: "secret", ownerPassword: "owner"));

        Assert.Equal(UploadFormat.Pdf, read.Format);
        Assert.Null(read.Text);
        Assert.Equal("the PDF is encrypted (password-protected): upload an unprotected copy", read.Rejection);
    }

    [Fact]
    public async Task Scanned_pdf_is_refused_as_needing_ocr_with_its_page_count()
    {
        // Two pages of pixels: text drawn on canvases is printed as images, as a scanner's pages are.
        const string html = """
            <!doctype html><html><body style="margin:0">
            <canvas id="a" width="600" height="800"></canvas><div style="break-before:page"></div><canvas id="b" width="600" height="800"></canvas>
            <script>
            for (const id of ["a", "b"]) {
              const c = document.getElementById(id).getContext("2d");
              c.fillStyle = "#fff"; c.fillRect(0, 0, 600, 800);
              c.fillStyle = "#000"; c.font = "24px 'WenQuanYi Micro Hei'";
              for (let y = 60; y < 760; y += 40) c.fillText("聊城市人民政府关于印发工作方案的通知", 40, y);
            }
            </script></body></html>
            """;
        var pdf = await printer.PrintAsync(html, new PrintSettings(null));

        var read = PdfUploadReader.Read(pdf);

        Assert.Null(read.Text);
        Assert.Equal("the PDF has no text layer (2 pages of images, a scan?): it needs OCR before it can be read", read.Rejection);
    }

    [Fact]
    public async Task Pdf_cut_in_half_is_refused_as_damaged_or_cut_short()
    {
        var pdf = await IssuePdf();

        // Chromium writes the cross-reference table last: without it PdfPig finds no trailer.
        var read = PdfUploadReader.Read(pdf[..(pdf.Length / 2)]);

        Assert.Null(read.Text);
        Assert.StartsWith("the PDF could not be opened, it may be damaged or cut short (", read.Rejection, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', read.Rejection!);
    }

    [Fact]
    public void Damaged_page_is_skipped_with_a_warning_naming_it_and_the_rest_is_read()
    {
        var read = PdfUploadReader.Read(HandmadePdf.SecondPageDamaged("Hello gazette"));

        Assert.Null(read.Rejection);
        Assert.Equal("Hello gazette\n", read.Text);
        var warning = Assert.Single(read.Warnings);
        Assert.StartsWith("page 2 could not be read and was skipped (", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_after_the_pdf_signature_is_refused_as_damaged()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var read = PdfUploadReader.Read(bytes);

        Assert.Null(read.Text);
        Assert.StartsWith("the PDF could not be opened, it may be damaged or cut short (", read.Rejection, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', read.Rejection!);
    }

    [Fact]
    public async Task Reading_stops_at_the_page_budget_with_a_warning_and_keeps_what_it_read()
    {
        var pdf = await IssuePdf();
        var whole = PdfUploadReader.Read(pdf).Text!;

        var read = PdfUploadReader.Read(pdf, PdfReadLimits.Default with { MaxPages = 3 });

        Assert.NotNull(read.Text);
        Assert.Contains(read.Warnings, w => w.StartsWith("the PDF has ", StringComparison.Ordinal) && w.EndsWith(" pages; only the first 3 were read", StringComparison.Ordinal));
        // Cover, contents and the first page of the body: the start of the issue, and only that.
        Assert.Contains("目 录", read.Text, StringComparison.Ordinal);
        Assert.StartsWith(read.Text.TrimEnd()[..^20], whole, StringComparison.Ordinal);
        Assert.True(read.Text.Length < whole.Length / 3);
    }

    [Fact]
    public async Task Reading_stops_at_the_letter_budget_with_a_warning_naming_the_page()
    {
        var pdf = await IssuePdf();

        var read = PdfUploadReader.Read(pdf, PdfReadLimits.Default with { MaxLetters = 5_000 });

        Assert.NotNull(read.Text);
        Assert.Contains(read.Warnings, w => w.StartsWith("reading stopped at page ", StringComparison.Ordinal) && w.EndsWith("more than 5,000 letters", StringComparison.Ordinal));
    }

    private Task<byte[]> IssuePdf() =>
        printer.PrintAsync(GazetteHtml.Issue(Support.Samples.Text(Support.Samples.Issue2022_06), twoColumns: true), new PrintSettings("聊城市人民政府公报"));
}
