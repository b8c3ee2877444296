using static GazetteNotify.Tests.Formats.Word.Docx;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// The text of paragraphs as Word shows it with changes accepted: breaks and tabs kept, deleted revisions gone,
/// inserted ones kept, text boxes (where the 版头 often sits) read once where anchored, headers and footers not read.
/// </summary>
public class WordTextTests
{
    private const string Box = "<w:txbxContent><w:p><w:r><w:t>聊城市人民政府文件</w:t></w:r></w:p></w:txbxContent>";

    private static string AnchoredBox(string text) =>
        "<w:p><w:r><mc:AlternateContent>" +
        "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" +
        $"<wps:wsp><wps:txbx>{Box.Replace("聊城市人民政府文件", text, StringComparison.Ordinal)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
        $"<mc:Fallback><w:pict><v:shape><v:textbox>{Box.Replace("聊城市人民政府文件", text, StringComparison.Ordinal)}</v:textbox></v:shape></w:pict></mc:Fallback>" +
        "</mc:AlternateContent></w:r><w:r><w:t>聊政发〔2022〕6号</w:t></w:r></w:p>";

    [Fact]
    public void A_text_box_is_read_once_before_the_paragraph_that_anchors_it()
    {
        var lines = Lines(Build(P("正文前") + AnchoredBox("聊城市人民政府文件") + P("各县（市、区）人民政府：")));
        Assert.Equal(["正文前", "聊城市人民政府文件", "聊政发〔2022〕6号", "各县（市、区）人民政府："], lines);
    }

    [Fact]
    public void A_VML_text_box_without_a_DrawingML_copy_is_read()
    {
        var body = $"<w:p><w:r><w:pict><v:shape><v:textbox>{Box}</v:textbox></v:shape></w:pict></w:r></w:p>";
        Assert.Equal(["聊城市人民政府文件", ""], Lines(Build(body)));
    }

    [Fact]
    public void Deleted_revisions_are_left_out_and_inserted_ones_kept()
    {
        var body = "<w:p><w:r><w:t>（责任单位：</w:t></w:r>" +
                   "<w:del w:id=\"1\" w:author=\"审核\"><w:r><w:delText>市删除局、</w:delText></w:r></w:del>" +
                   "<w:ins w:id=\"2\" w:author=\"审核\"><w:r><w:t>市财政局、</w:t></w:r></w:ins>" +
                   "<w:r><w:t>市税务局）</w:t></w:r></w:p>";
        Assert.Equal(["（责任单位：市财政局、市税务局）"], Lines(Build(body)));
    }

    [Fact]
    public void Text_moved_away_is_read_only_where_it_was_moved_to()
    {
        var body = "<w:p><w:moveFrom w:id=\"1\" w:author=\"a\"><w:r><w:t>移动的句子。</w:t></w:r></w:moveFrom><w:r><w:t>甲。</w:t></w:r></w:p>" +
                   "<w:p><w:r><w:t>乙。</w:t></w:r><w:moveTo w:id=\"2\" w:author=\"a\"><w:r><w:t>移动的句子。</w:t></w:r></w:moveTo></w:p>";
        Assert.Equal(["甲。", "乙。移动的句子。"], Lines(Build(body)));
    }

    [Fact]
    public void A_deleted_paragraph_mark_joins_the_paragraph_to_the_next()
    {
        var body = "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>加快退税进度，</w:t></w:r></w:p>" + P("确保尽快落地。");
        Assert.Equal(["加快退税进度，确保尽快落地。"], Lines(Build(body)));
    }

    [Fact]
    public void Tabs_and_line_breaks_are_kept()
    {
        var body = "<w:p><w:r><w:t>签发人：</w:t><w:tab/><w:t>张三</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>";
        Assert.Equal(["签发人：\t张三", "第二行"], Lines(Build(body)));
    }

    [Fact]
    public void Field_instructions_and_hidden_text_are_not_text()
    {
        var body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"http://x\" </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>链接文字</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                   "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>";
        Assert.Equal(["链接文字"], Lines(Build(body)));
    }

    [Fact]
    public void Content_controls_are_read_through()
    {
        var body = $"<w:sdt><w:sdtPr/><w:sdtContent>{P("控件中的段落")}</w:sdtContent></w:sdt>";
        Assert.Equal(["控件中的段落"], Lines(Build(body)));
    }

    [Fact]
    public void Headers_and_footers_are_not_read()
    {
        using var stream = new MemoryStream();
        stream.Write(Build(P("正文")));
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            var footer = document.MainDocumentPart!.AddNewPart<DocumentFormat.OpenXml.Packaging.FooterPart>();
            footer.Footer = new DocumentFormat.OpenXml.Wordprocessing.Footer($"<w:ftr {Namespaces}>{P("— 2 —")}</w:ftr>");
        }

        Assert.Equal(["正文"], Lines(stream.ToArray()));
    }
}
