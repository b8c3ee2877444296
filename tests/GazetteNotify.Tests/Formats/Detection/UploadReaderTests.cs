using System.Text;
using GazetteNotify.Formats;
using GazetteNotify.Parsing;
using GazetteNotify.Tests.Formats.Html;
using GazetteNotify.Tests.Formats.Word;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Formats.Detection;

/// <summary>
/// An upload is read by what its bytes are: a .docx saved as "issue.txt", a web page saved as "issue.doc" or a PDF named
/// anything reach the right reader, because no name is ever looked at — there is none to look at.
/// </summary>
public class UploadReaderTests
{
    private const string Body = "为认真贯彻落实党中央、国务院决策部署和省委、省政府工作要求，高效统筹疫情防控和经济社会发展，统筹发展和安全，切实把我市二季度经济稳住。";

    private static byte[] Page => Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div id=\"zoom\"><p>{Body}</p></div></body></html>");

    [Fact]
    public void A_docx_is_read_as_Word()
    {
        var read = UploadReader.Read(Docx.Build(Docx.P(Body)));
        Assert.Equal(UploadFormat.Word, read.Format);
        Assert.Equal(Body, read.Text);
    }

    [Fact]
    public void A_web_page_is_read_as_HTML_in_UTF_8_GBK_or_UTF_16()
    {
        byte[] utf16 = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Page))];
        foreach (var bytes in new[] { Page, GovPage.Gbk(Encoding.UTF8.GetString(Page).Replace("utf-8", "gbk", StringComparison.Ordinal)), utf16 })
        {
            var read = UploadReader.Read(bytes);
            Assert.Equal(UploadFormat.Html, read.Format);
            Assert.Equal(Body, read.Text);
        }
    }

    [Theory]
    [InlineData("<html><body><p>{0}</p></body></html>")]
    [InlineData("\n\n  <!-- 模板：文章页 -->\n<meta charset=\"utf-8\"><div class=\"TRS_Editor\"><p>{0}</p></div>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div id=\"zoom\">{0}</div></body></html>")]
    [InlineData("<div><title>文件</title><p>{0}</p></div>")]
    public void Pages_without_a_doctype_are_still_pages(string template)
    {
        Assert.Equal(UploadFormat.Html, UploadReader.Detect(Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Body))));
    }

    [Theory]
    [InlineData("关于印发聊城市居住证实施办法的通知<br>\n各县（市、区）人民政府：\n现印发给你们。")]
    [InlineData("# 关于印发聊城市居住证实施办法的通知\n\n<p align=\"center\">聊政办字〔2022〕22号</p>\n\n各县（市、区）人民政府：")]
    [InlineData("| 序号 | 牵头单位 |\n|---|---|\n| 1 | <b>市财政局</b> |")]
    public void Text_and_Markdown_with_a_stray_tag_stay_text(string text)
    {
        Assert.Equal(UploadFormat.Text, UploadReader.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_PDF_goes_to_the_PDF_reader_even_after_junk_before_its_header()
    {
        var seen = new List<byte[]>();
        var pdf = Encoding.ASCII.GetBytes("\r\n\r\n%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n%%EOF");
        var read = UploadReader.Read(pdf, bytes =>
        {
            seen.Add(bytes);
            return UploadText.Read(UploadFormat.Pdf, "PDF 文本", []);
        });
        Assert.Equal("PDF 文本", read.Text);
        Assert.Same(pdf, Assert.Single(seen));
    }

    [Fact]
    public void A_PDF_without_a_readable_body_is_refused_by_the_PDF_reader_in_one_line()
    {
        var read = UploadReader.Read(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF"));
        Assert.Equal(UploadFormat.Pdf, read.Format);
        Assert.NotNull(read.Rejection);
        Assert.DoesNotContain('\n', read.Rejection);
    }

    [Fact]
    public void Office_97_2003_and_encrypted_files_are_named_by_the_Word_reader()
    {
        var doc = UploadReader.Read(CompoundFileBuilder.Build("WordDocument"));
        var encrypted = UploadReader.Read(CompoundFileBuilder.Build("EncryptionInfo", "EncryptedPackage"));
        Assert.Equal((UploadFormat.Word, "the file is a Word 97–2003 .doc: save it as .docx and upload that"), (doc.Format, doc.Rejection));
        Assert.Equal((UploadFormat.Word, "the Word file is encrypted (password-protected): upload an unprotected copy"), (encrypted.Format, encrypted.Rejection));
    }

    [Fact]
    public void A_text_issue_is_decoded_by_the_parser_s_decoder_and_parses_as_its_bytes_do()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(Samples.Text(Samples.Issue2022_06));
        var read = UploadReader.Read(bytes);
        Assert.Equal(UploadFormat.Text, read.Format);
        var fromText = GazetteParser.ParseText(read.Text!).Issue!;
        var fromBytes = GazetteParser.Parse(bytes).Issue!;
        Assert.Empty(IssueComparison.Between(fromBytes, fromText).All);
        Assert.Equal(fromBytes.Documents.Select(d => d.DocNumber), fromText.Documents.Select(d => d.DocNumber));
    }

    [Fact]
    public void What_is_not_text_is_refused_by_the_parser_s_decoder()
    {
        var png = UploadReader.Read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        Assert.Equal(UploadFormat.Text, png.Format);
        Assert.StartsWith("the file is a PNG image, not text", png.Rejection, StringComparison.Ordinal);
        Assert.Equal("the file is empty", UploadReader.Read([]).Rejection);
    }

    [Fact]
    public void An_upload_over_the_size_limit_is_refused_before_any_reader_opens_it()
    {
        var big = new byte[21 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(big);
        var read = UploadReader.Read(big);
        Assert.Equal(UploadFormat.Word, read.Format);
        Assert.Equal("the file is 21.0 MB, over the 20 MB limit for one issue", read.Rejection);
    }
}
