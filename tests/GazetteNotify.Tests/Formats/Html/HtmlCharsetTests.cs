using System.Text;
using GazetteNotify.Formats.Html;

namespace GazetteNotify.Tests.Formats.Html;

/// <summary>
/// Pages are read in the charset they give, checked against their bytes: GBK pages are common, and so are pages that
/// declare the wrong charset.
/// </summary>
public class HtmlCharsetTests
{
    private const string Text = "聊城市人民政府关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见，现结合我市实际，提出以下意见。（责任单位：市财政局、市税务局）";

    private static string Page(string meta) => $"<!DOCTYPE html><html><head>{meta}<title>文件</title></head><body><div id=\"zoom\"><p>{Text}</p></div></body></html>";

    private static byte[] Gb18030(string html)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(html);
    }

    private static (string? Text, IReadOnlyList<string> Warnings) Read(byte[] bytes)
    {
        var read = HtmlUploadReader.Read(bytes);
        Assert.Null(read.Rejection);
        return (read.Text, read.Warnings);
    }

    [Theory]
    [InlineData("<meta charset=\"gbk\">")]
    [InlineData("<meta charset=GB2312>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")]
    [InlineData("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html;charset=GB18030\">")]
    public void A_page_declaring_a_GB_charset_is_read_in_it(string meta)
    {
        var (text, warnings) = Read(Gb18030(Page(meta)));
        Assert.Equal(Text, text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_GBK_page_that_declares_nothing_is_read_as_GBK()
    {
        Assert.Equal(Text, Read(Gb18030(Page(""))).Text);
    }

    [Fact]
    public void A_GBK_page_that_declares_UTF_8_is_read_as_GBK_with_a_warning()
    {
        var (text, warnings) = Read(Gb18030(Page("<meta charset=\"utf-8\">")));
        Assert.Equal(Text, text);
        Assert.Equal(["the page declares UTF-8 but is not; read as GB18030"], warnings);
    }

    [Fact]
    public void A_UTF_8_page_that_declares_GB2312_is_read_as_UTF_8_with_a_warning()
    {
        var (text, warnings) = Read(Encoding.UTF8.GetBytes(Page("<meta charset=\"gb2312\">")));
        Assert.Equal(Text, text);
        Assert.Equal(["the page declares GB18030 but is UTF-8; read as UTF-8"], warnings);
    }

    [Fact]
    public void A_byte_order_mark_outranks_the_declaration()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Page("<meta charset=\"gbk\">"))];
        byte[] utf16 = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Page("<meta charset=\"gbk\">"))];
        Assert.Equal(Text, Read(utf8).Text);
        Assert.Equal(Text, Read(utf16).Text);
    }

    [Fact]
    public void A_declaration_after_long_comments_is_still_found()
    {
        var padded = Page($"<!-- {new string('x', 2000)} --><meta charset=\"gbk\">");
        Assert.Equal(Text, Read(Gb18030(padded)).Text);
    }
}
