using System.IO.Compression;
using GazetteNotify.Formats;
using GazetteNotify.Formats.Word;
using static GazetteNotify.Tests.Formats.Word.Docx;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>What is not a readable .docx is refused in one line that tells the admin what to upload instead.</summary>
public class WordBadInputTests
{
    private static UploadText Refused(byte[] bytes)
    {
        var read = WordUploadReader.Read(bytes);
        Assert.Null(read.Text);
        Assert.Equal(UploadFormat.Word, read.Format);
        Assert.DoesNotContain('\n', read.Rejection!);
        return read;
    }

    private static byte[] WithEntry(byte[] docx, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, level).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    [Fact]
    public void An_encrypted_Office_file_asks_for_an_unprotected_copy()
    {
        var encrypted = CompoundFileBuilder.Build("\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage");
        Assert.Equal("the Word file is encrypted (password-protected): upload an unprotected copy", Refused(encrypted).Rejection);
    }

    [Fact]
    public void A_Word_97_2003_doc_asks_to_be_saved_as_docx()
    {
        var doc = CompoundFileBuilder.Build("WordDocument", "1Table", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation", "CompObj");
        Assert.Equal("the file is a Word 97–2003 .doc: save it as .docx and upload that", Refused(doc).Rejection);
    }

    [Fact]
    public void A_damaged_compound_file_is_still_named_for_what_it_is()
    {
        var truncated = CompoundFileBuilder.Build("WordDocument")[..600];
        Assert.Contains("Office 97–2003 file that is damaged", Refused(truncated).Rejection);
    }

    [Fact]
    public void An_entry_that_inflates_a_thousandfold_is_a_zip_bomb_refused_unopened()
    {
        var bomb = WithEntry(Build(P("正文")), "word/media/image1.png", new byte[50 * 1024 * 1024]);
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.StartsWith("the file is a zip bomb: its part word/media/image1.png inflates", Refused(bomb).Rejection);
    }

    [Fact]
    public void Entries_that_together_inflate_past_the_budget_are_refused()
    {
        // Random bytes do not compress: 3 entries of 40 MB stay under the ratio and over the 100 MB budget together.
        var noise = new byte[40 * 1024 * 1024];
        new Random(3).NextBytes(noise);
        var docx = Build(P("正文"));
        for (var i = 1; i <= 3; i++) docx = WithEntry(docx, $"word/media/image{i}.png", noise, CompressionLevel.NoCompression);
        Assert.StartsWith("the file inflates to 120", Refused(docx).Rejection);
    }

    [Fact]
    public void A_truncated_docx_is_refused_as_damaged()
    {
        var docx = Build(P("正文"));
        Assert.StartsWith("the Word file is damaged", Refused(docx[..(docx.Length / 2)]).Rejection);
    }

    [Fact]
    public void A_docx_whose_document_part_is_garbled_is_refused_as_damaged()
    {
        var docx = WithEntry(Build(P("正文")), "word/document2.xml", []);
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8);
        }

        Assert.StartsWith("the Word file is damaged", Refused(stream.ToArray()).Rejection);
    }

    [Fact]
    public void An_Excel_workbook_is_named_as_one()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/workbook.xml").Open();
            entry.Write("<workbook/>"u8);
        }

        Assert.StartsWith("the file is an Excel workbook, not a Word document", Refused(stream.ToArray()).Rejection);
    }

    [Fact]
    public void A_document_with_macros_is_read_with_a_warning_that_they_were_ignored()
    {
        var read = WordUploadReader.Read(Build(P("关于印发聊城市居住证实施办法的通知"), macroEnabled: true));
        Assert.Equal("关于印发聊城市居住证实施办法的通知", read.Text);
        Assert.Equal(["the Word file contains macros (.docm): they were ignored, only the text was read"], read.Warnings);
    }

    [Fact]
    public void A_document_of_images_only_says_it_holds_no_text()
    {
        Assert.StartsWith("the Word document holds no text", Refused(Build("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>")).Rejection);
    }

    [Fact]
    public void A_plain_docx_has_no_warnings()
    {
        Assert.Empty(WordUploadReader.Read(Build(P("正文"))).Warnings);
    }

    [Fact]
    public void A_document_nested_thousands_of_levels_deep_is_refused_before_the_SDK_loads_it()
    {
        // The SDK re-parses each level as it loads the next: 20,000 nested content controls took it over two minutes.
        var depth = 20_000;
        var body = string.Concat(Enumerable.Range(0, depth).Select(i => $"<w:sdt><w:sdtPr><w:alias w:val=\"{i * 7919 % 100_003}\"/></w:sdtPr><w:sdtContent>"))
            + P("深处") + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));
        using var stream = new MemoryStream();
        stream.Write(Build(P("正文")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes($"<w:document {Namespaces}><w:body>{body}</w:body></w:document>"));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("the Word file nests its XML (word/document.xml) over 256 levels deep, which no real document does: refused as unsafe to read", Refused(stream.ToArray()).Rejection);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Content_controls_and_tables_nested_as_deep_as_real_documents_go_are_read()
    {
        var inner = P("深处");
        for (var i = 0; i < 10; i++) inner = $"<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>";
        Assert.Equal("深处", Lines(Build(inner))[0]);
    }

    [Fact]
    public void A_part_declaring_a_DTD_is_refused_unread()
    {
        // An entity bomb ("billion laughs") or an external entity needs a DTD; Word never writes one.
        using var stream = new MemoryStream();
        stream.Write(Build(P("正文")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"哈哈哈哈哈哈哈哈\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document {Namespaces}><w:body>{P("&b;")}</w:body></w:document>"));
        }

        Assert.StartsWith("the Word file is damaged: one of its XML parts is not well-formed (or declares a DTD", Refused(stream.ToArray()).Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Strict_Open_XML_document_asks_for_an_ordinary_docx()
    {
        using var stream = new MemoryStream();
        stream.Write(Build(P("正文")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"u8);
        }

        Assert.StartsWith("the Word file is saved as Strict Open XML", Refused(stream.ToArray()).Rejection, StringComparison.Ordinal);
    }
}
