using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

/// <summary>Tables from web pages, cells separated by spaces (谯城区's 2025 task table in the corpus has this shape).</summary>
public class SpacedTablesTests
{
    [Fact]
    public void A_spaced_table_under_a_header_of_unit_columns_is_read_row_by_row()
    {
        List<string> lines =
        [
            "序号 重点工作任务 主要责任单位 协同配合单位",
            "一、主要预期目标",
            "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门",
            "2 一般公共预算收入增长5%左右。 区财政局 区税务局",
        ];

        var rows = ResponsibilityTableReader.FindRows(SpacedTables.Tabify(lines));

        Assert.Equal(2, rows.Count);
        Assert.Equal(["区发改委"], rows[0].Lead);
        Assert.Equal(["区政府各部门"], rows[0].Support);
        Assert.Equal(["区财政局"], rows[1].Lead);
        Assert.Equal(["区税务局"], rows[1].Support);
    }

    [Fact]
    public void Units_broken_onto_lines_of_their_own_stay_in_the_row_and_lead()
    {
        // 谯城区 2025 row 2: the 主要责任单位 cell holds two units, printed one per line, then the 协同配合单位 cell.
        List<string> lines =
        [
            "序号 重点工作任务 主要责任单位 协同配合单位",
            "2 一般公共预算收入增长5%左右。 区财政局",
            "区税务局",
            "区政府有关部门,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。",
            "3 固定资产投资增长7.5%左右。 区发改委 区工信局、区住建局",
        ];

        var rows = ResponsibilityTableReader.FindRows(SpacedTables.Tabify(lines));

        Assert.Equal(2, rows.Count);
        Assert.Equal(["区财政局", "区税务局"], rows[0].Lead);
        Assert.Equal(["区政府有关部门", "各乡镇人民政府", "街道办事处", "谯城经开区管委会", "魏武国控集团"], rows[0].Support);
        Assert.Equal(["区发改委"], rows[1].Lead);
        Assert.Equal(["区工信局", "区住建局"], rows[1].Support);
    }

    [Fact]
    public void Prose_and_numbered_lines_without_such_a_header_are_left_alone()
    {
        List<string> lines = ["今年 我们 要 做好 三件事", "1 加快项目建设 推进改革", "各县 市 区 要 抓好落实"];

        Assert.Same(lines, SpacedTables.Tabify(lines));
        Assert.Empty(ResponsibilityTableReader.FindRows(SpacedTables.Tabify(lines)));
    }
}
