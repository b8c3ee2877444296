using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

/// <summary>Tables from web pages with '|' after each cell (rows copied from the corpus).</summary>
public class PipedTablesTests
{
    private static IReadOnlyList<ResponsibilityRow> Read(List<string> lines) =>
        ResponsibilityTableReader.FindRows(StackedTables.Tabify(SpacedTables.Tabify(PipedTables.Tabify(lines))));

    [Fact]
    public void Rows_with_closing_pipes_are_read_and_section_rows_are_headings()
    {
        // 芜湖市 2025: 责任单位 after 牵头责任单位 supports; two lead units in one cell separated by a space.
        List<string> lines =
        [
            "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |",
            "一、主要预期目标 | |||",
            "(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府、 开发区管委会 |",
            "(6) | 居民人均可支配收入与经济增长相匹配。 | 市人力资源社会保障局 市农业农村局 | 各县市区政府、 开发区管委会 |",
            "二、重点做好以下九个方面工作 | |||",
            "(一)加强经济运行调节,持续推动经济发展质的有效提升和量的合理较快增长。 | |||",
            "1 | 大力提振消费。 | ||",
            "(8) | 统筹衔接消费券发放与消费品以旧换新行动。 | 市商务局 | 市财政局 市工业和信息化局 各县市区政府、 开发区管委会 |",
        ];

        var rows = Read(lines);

        Assert.Equal(["(1)", "(6)", "(8)"], rows.Select(r => r.Item));
        Assert.Equal(["市发展改革委"], rows[0].Lead);
        Assert.Equal(["各县市区政府", "开发区管委会"], rows[0].Support);
        Assert.Equal(["市人力资源社会保障局", "市农业农村局"], rows[1].Lead);
        Assert.Equal(["市商务局"], rows[2].Lead);
        Assert.Equal(["市财政局", "市工业和信息化局", "各县市区政府", "开发区管委会"], rows[2].Support);
    }

    [Fact]
    public void One_cell_per_line_each_closed_by_a_pipe()
    {
        // 金华市: the header and cells one per line, empty rows as "|||".
        List<string> lines =
        [
            "金华市加快服务业发展重点任务分工表",
            "序号 |", "工作任务 |", "牵头单位 |", "配合单位 |",
            "一、主要任务 |", "|||", "(一)推动生产性服务业创新发展 |", "|||",
            "1 |",
            "加快信息网络设施改造提升,推进骨干网、城域网和接入网升级改造。 |",
            "市经信委 |",
            "市网络经济局、电信金华分公司,金华开发区、金义都市新区、金华山旅游经济区管委会,各县(市、区)政府 |",
        ];

        var rows = Read(lines);

        var row = Assert.Single(rows);
        Assert.Equal("1", row.Item);
        Assert.Equal(["市经信委"], row.Lead);
        Assert.Equal(["市网络经济局", "电信金华分公司", "金华开发区", "金义都市新区", "金华山旅游经济区管委会", "各县(市、区)政府"], row.Support);
    }

    [Fact]
    public void A_header_with_progress_columns_and_a_continued_cell()
    {
        // 柯桥区 2023: 进展情况、存在问题及下一步打算 is a column we do not read; 新增学位810个 continues row 1.
        List<string> lines =
        [
            "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况、存在问题及下一步打算 | 目标完成情况 |",
            "1 | 新改扩建公办中小学校1所 | 教体局 | 室内安装、装修及场外施工 | 进展情况:新建工程室内装修及安装工程完成80%。 | 顺利推进 |",
            "新增学位810个 | |||||",
            "2 | 完成“县中崛起”一对一结对帮扶学校2所 | 教体局 | 互派人员到位,集体备课 | 进展情况:柯桥中学管理教学团队赴江山中学。 | 顺利推进 |",
        ];

        var rows = Read(lines);

        Assert.Equal(["1", "2"], rows.Select(r => r.Item));
        Assert.All(rows, r => Assert.Equal(["教体局"], r.Lead));
    }

    [Fact]
    public void Lines_without_pipes_and_a_lone_pipe_in_prose_are_left_alone()
    {
        List<string> lines = ["一、总体要求", "A|B 两类"];

        Assert.Same(lines, PipedTables.Tabify(lines));
    }
}
