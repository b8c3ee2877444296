using static GazetteNotify.Tests.Formats.Word.Docx;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// A responsibility table comes out as the parser's table reader reads one: a line per row, cells separated by tabs, in
/// document order between the paragraphs around it; merged cells keep the other cells under their headers.
/// </summary>
public class WordTableTests
{
    private static string Cell(string text, string properties = "") =>
        $"<w:tc>{(properties.Length > 0 ? $"<w:tcPr>{properties}</w:tcPr>" : "")}{(text.Length == 0 ? "<w:p/>" : string.Concat(text.Split('|').Select(p => P(p))))}</w:tc>";

    private static string Row(params string[] cells) => $"<w:tr>{string.Concat(cells)}</w:tr>";

    private static string Table(int columns, params string[] rows) =>
        $"<w:tbl><w:tblGrid>{string.Concat(Enumerable.Repeat("<w:gridCol/>", columns))}</w:tblGrid>{string.Concat(rows)}</w:tbl>";

    [Fact]
    public void Rows_are_tab_separated_lines_between_the_paragraphs_around_the_table()
    {
        var table = Table(3,
            Row(Cell("序号"), Cell("工作任务"), Cell("牵头单位")),
            Row(Cell("1"), Cell("稳定就业"), Cell("市人力资源社会保障局")));
        var lines = Lines(Build(P("附件") + table + P("结束")));
        Assert.Equal(["附件", "序号\t工作任务\t牵头单位", "1\t稳定就业\t市人力资源社会保障局", "", "结束"], lines);
    }

    [Fact]
    public void A_cell_of_several_paragraphs_stays_one_cell_of_one_row()
    {
        var lines = Lines(Build(Table(2, Row(Cell("1"), Cell("市财政局|市税务局")))));
        Assert.Equal("1\t市财政局 市税务局", lines[0]);
    }

    [Fact]
    public void A_vertically_merged_lead_unit_is_repeated_on_every_row_it_spans()
    {
        var table = Table(3,
            Row(Cell("序号"), Cell("任务"), Cell("牵头单位")),
            Row(Cell("1"), Cell("甲"), Cell("市发展改革委", "<w:vMerge w:val=\"restart\"/>")),
            Row(Cell("2"), Cell("乙"), Cell("", "<w:vMerge/>")));
        var lines = Lines(Build(table));
        Assert.Equal("1\t甲\t市发展改革委", lines[1]);
        Assert.Equal("2\t乙\t市发展改革委", lines[2]);
    }

    [Fact]
    public void A_cell_spanning_columns_keeps_later_cells_under_their_headers()
    {
        var table = Table(4,
            Row(Cell("序号"), Cell("任务"), Cell("牵头单位"), Cell("完成时限")),
            Row(Cell("1"), Cell("甲乙两项", "<w:gridSpan w:val=\"2\"/>"), Cell("2024年底前")));
        Assert.Equal("1\t甲乙两项\t\t2024年底前", Lines(Build(table))[1]);
    }

    [Fact]
    public void A_row_that_is_one_cell_across_the_table_is_a_line_of_its_own()
    {
        var table = Table(3,
            Row(Cell("序号"), Cell("任务"), Cell("牵头单位")),
            Row(Cell("一、精简审批环节", "<w:gridSpan w:val=\"3\"/>")),
            Row(Cell("1"), Cell("甲"), Cell("市行政审批局")));
        Assert.Equal(["序号\t任务\t牵头单位", "一、精简审批环节", "1\t甲\t市行政审批局", ""], Lines(Build(table)));
    }

    [Fact]
    public void A_table_nested_in_a_cell_is_flattened_into_that_cell()
    {
        var inner = Table(2, Row(Cell("市财政局"), Cell("市税务局")));
        var table = Table(2, Row(Cell("1"), $"<w:tc>{P("牵头：")}{inner}<w:p/></w:tc>"));
        var lines = Lines(Build(table));
        Assert.Equal("1\t牵头： 市财政局 市税务局", lines[0]);
    }

    [Fact]
    public void A_row_deleted_as_a_revision_is_left_out()
    {
        var deleted = "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr>" + Cell("2") + Cell("已删除任务") + "</w:tr>";
        var lines = Lines(Build(Table(2, Row(Cell("1"), Cell("甲")), deleted)));
        Assert.Equal(["1\t甲", ""], lines);
    }

    [Fact]
    public void Numbered_paragraphs_in_cells_keep_their_numbers()
    {
        var numbering = AbstractNum(1, Level(0, "decimal", "%1.", suffix: "nothing")) + Num(1, 1);
        var table = Table(2, Row(Cell("甲"), $"<w:tc>{Numbered("市财政局", 1)}{Numbered("市税务局", 1)}</w:tc>"));
        Assert.Equal("甲\t1.市财政局 2.市税务局", Lines(Build(table, numbering))[0]);
    }
}
