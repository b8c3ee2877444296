using static GazetteNotify.Tests.Formats.Word.Docx;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// Automatic list numbers come back as the text Word shows: a 公文 typed in Word numbers its 一、 and （一） items with a
/// list, and without the number the parser cannot tell an item (or its responsibility clause) from the next.
/// </summary>
public class WordNumberingTests
{
    private static readonly string HanList = AbstractNum(1, Level(0, "chineseCounting", "%1、"));

    [Fact]
    public void Chinese_counting_items_are_numbered_一_二_三()
    {
        var lines = Lines(Build(Numbered("总体要求", 1) + Numbered("重点任务", 1) + Numbered("保障措施", 1), HanList + Num(1, 1)));
        Assert.Equal(["一、总体要求", "二、重点任务", "三、保障措施"], lines);
    }

    [Fact]
    public void A_new_num_with_a_start_override_restarts_the_count_for_the_next_document()
    {
        // Word's "restart at 1": a second w:num on the same abstract list with w:startOverride.
        var body = Numbered("甲文第一项", 1) + Numbered("甲文第二项", 1) + P("乙文标题") + Numbered("乙文第一项", 2) + Numbered("乙文第二项", 2);
        var lines = Lines(Build(body, HanList + Num(1, 1) + Num(2, 1, StartOverride(0, 1))));
        Assert.Equal(["一、甲文第一项", "二、甲文第二项", "乙文标题", "一、乙文第一项", "二、乙文第二项"], lines);
    }

    [Fact]
    public void Nums_of_one_abstract_list_continue_one_count()
    {
        // Two w:num without overrides share their abstract list's count, as Word continues such a list.
        var lines = Lines(Build(Numbered("a", 1) + Numbered("b", 2) + Numbered("c", 1), HanList + Num(1, 1) + Num(2, 1)));
        Assert.Equal(["一、a", "二、b", "三、c"], lines);
    }

    [Fact]
    public void Separate_abstract_lists_count_separately()
    {
        var numbering = HanList + AbstractNum(2, Level(0, "decimal", "%1.", suffix: "space")) + Num(1, 1) + Num(2, 2);
        var lines = Lines(Build(Numbered("甲", 1) + Numbered("x", 2) + Numbered("乙", 1) + Numbered("y", 2), numbering));
        Assert.Equal(["一、甲", "1. x", "二、乙", "2. y"], lines);
    }

    [Fact]
    public void Parenthesised_items_restart_under_each_heading()
    {
        var numbering = AbstractNum(1, Level(0, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）")) + Num(1, 1);
        var body = Numbered("总体要求", 1) + Numbered("指导思想", 1, 1) + Numbered("基本原则", 1, 1) + Numbered("重点任务", 1) + Numbered("稳就业", 1, 1);
        Assert.Equal(["一、总体要求", "（一）指导思想", "（二）基本原则", "二、重点任务", "（一）稳就业"], Lines(Build(body, numbering)));
    }

    [Fact]
    public void Decimal_items_start_where_the_level_says()
    {
        var numbering = AbstractNum(1, Level(0, "decimal", "%1.", start: 5, suffix: "space")) + Num(1, 1);
        Assert.Equal(["5. 甲", "6. 乙"], Lines(Build(Numbered("甲", 1) + Numbered("乙", 1), numbering)));
    }

    [Fact]
    public void Multi_level_decimal_outline_reads_1_1()
    {
        var numbering = AbstractNum(1, Level(0, "decimal", "%1", suffix: "space"), Level(1, "decimal", "%1.%2", suffix: "space")) + Num(1, 1);
        var body = Numbered("总则", 1) + Numbered("目的", 1, 1) + Numbered("依据", 1, 1) + Numbered("组织体系", 1) + Numbered("领导机构", 1, 1);
        Assert.Equal(["1 总则", "1.1 目的", "1.2 依据", "2 组织体系", "2.1 领导机构"], Lines(Build(body, numbering)));
    }

    [Fact]
    public void Legal_numbering_writes_every_level_in_decimal()
    {
        var numbering = AbstractNum(1, Level(0, "chineseCounting", "%1、"), Level(1, "decimal", "%1.%2", suffix: "space", extra: "<w:isLgl/>")) + Num(1, 1);
        Assert.Equal(["一、甲", "1.1 乙"], Lines(Build(Numbered("甲", 1) + Numbered("乙", 1, 1), numbering)));
    }

    [Fact]
    public void A_level_with_lvlRestart_0_keeps_counting_across_headings()
    {
        // 1. items numbered on through the 一、 sections, as many 意见 number their measures.
        var numbering = AbstractNum(1, Level(0, "chineseCounting", "%1、"), Level(1, "decimal", "%2.", suffix: "space", extra: "<w:lvlRestart w:val=\"0\"/>")) + Num(1, 1);
        var body = Numbered("甲", 1) + Numbered("a", 1, 1) + Numbered("b", 1, 1) + Numbered("乙", 1) + Numbered("c", 1, 1);
        Assert.Equal(["一、甲", "1. a", "2. b", "二、乙", "3. c"], Lines(Build(body, numbering)));
    }

    [Fact]
    public void Numbering_from_the_paragraph_style_is_rendered()
    {
        // A template's heading style carries the list; its paragraphs name only the style.
        var styles = """
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="一级标题"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H1Bold"><w:name w:val="一级标题加粗"/><w:basedOn w:val="H1"/></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="二级标题"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            """;
        var numbering = AbstractNum(1,
            Level(0, "chineseCounting", "%1、", extra: "<w:pStyle w:val=\"H1\"/>"),
            Level(1, "chineseCounting", "（%2）", extra: "<w:pStyle w:val=\"H2\"/>")) + Num(1, 1);
        var style = (string id) => $"<w:pStyle w:val=\"{id}\"/>";
        var body = P("总体要求", style("H1")) + P("指导思想", style("H2")) + P("重点任务", style("H1Bold")) + P("正文", "");
        Assert.Equal(["一、总体要求", "（一）指导思想", "二、重点任务", "正文"], Lines(Build(body, numbering, styles)));
    }

    [Fact]
    public void NumId_0_on_a_paragraph_removes_its_style_numbering()
    {
        var styles = """<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>""";
        var body = P("甲", "<w:pStyle w:val=\"H1\"/>") + P("不编号", "<w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>") + P("乙", "<w:pStyle w:val=\"H1\"/>");
        Assert.Equal(["一、甲", "不编号", "二、乙"], Lines(Build(body, HanList + Num(1, 1), styles)));
    }

    [Fact]
    public void An_abstract_list_linked_to_a_numbering_style_counts_in_that_style_s_list()
    {
        var styles = """<w:style w:type="numbering" w:styleId="GovList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>""";
        var numbering = AbstractNum(1, Level(0, "chineseCounting", "%1、")).Replace("<w:lvl ", "<w:styleLink w:val=\"GovList\"/><w:lvl ", StringComparison.Ordinal)
            + "<w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"GovList\"/></w:abstractNum>"
            + Num(1, 1) + Num(2, 2);
        Assert.Equal(["一、甲", "二、乙"], Lines(Build(Numbered("甲", 1) + Numbered("乙", 2), numbering, styles)));
    }

    [Fact]
    public void The_default_tab_after_a_number_becomes_a_space_so_the_line_is_not_a_table_row()
    {
        var numbering = AbstractNum(1, Level(0, "decimal", "%1.", suffix: "tab")) + Num(1, 1);
        var line = Assert.Single(Lines(Build(Numbered("依法全面落实新的组合式税费支持政策。", 1), numbering)));
        Assert.Equal("1. 依法全面落实新的组合式税费支持政策。", line);
        Assert.DoesNotContain('\t', line);
    }

    [Fact]
    public void Bullets_add_no_text()
    {
        var numbering = AbstractNum(1, "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uF0B7\"/></w:lvl>") + Num(1, 1);
        Assert.Equal(["市财政局"], Lines(Build(Numbered("市财政局", 1), numbering)));
    }

    [Theory]
    [InlineData("chineseCounting", 1, "一")]
    [InlineData("chineseCounting", 10, "十")]
    [InlineData("chineseCounting", 11, "十一")]
    [InlineData("chineseCounting", 20, "二十")]
    [InlineData("chineseCounting", 23, "二十三")]
    [InlineData("chineseCountingThousand", 105, "一百零五")]
    [InlineData("chineseCountingThousand", 110, "一百一十")]
    [InlineData("chineseLegalSimplified", 12, "壹拾贰")]
    [InlineData("ideographTraditional", 3, "丙")]
    [InlineData("ideographZodiac", 2, "丑")]
    [InlineData("ideographDigital", 10, "一〇")]
    [InlineData("decimalEnclosedCircle", 3, "③")]
    [InlineData("decimalEnclosedCircleChinese", 12, "⑫")]
    [InlineData("decimalEnclosedParen", 2, "⑵")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("decimalZero", 7, "07")]
    [InlineData("upperLetter", 28, "BB")]
    [InlineData("lowerRoman", 14, "xiv")]
    [InlineData("decimal", 42, "42")]
    [InlineData("someFutureFormat", 42, "42")]
    public void Number_formats_are_written_as_Word_shows_them(string format, int value, string expected) =>
        Assert.Equal(expected, GazetteNotify.Formats.Word.ListNumberFormat.Format(value, format));
}
