using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

/// <summary>Tables from web pages printed one cell per line (rows copied from the corpus).</summary>
public class StackedTablesTests
{
    private static IReadOnlyList<ResponsibilityRow> Read(List<string> lines) => ResponsibilityTableReader.FindRows(StackedTables.Tabify(lines));

    [Fact]
    public void Cells_on_lines_of_their_own_with_a_header_broken_in_two_are_read_row_by_row()
    {
        // 广州市 2021: blank lines between cells, 市政府 / 分管领导 one header cell, the 分管领导 a person, the 备注 cell empty.
        List<string> lines =
        [
            "2021年市政府工作报告部署工作责任分工", "",
            "序号", "", "重点工作", "", "市政府", "", "分管领导", "", "牵头单位", "", "配合单位", "", "备注", "",
            "强化科技创新支撑能力。", "", "", "", "", "",
            "(一)", "", "加强战略科技力量建设。", "", "", "", "", "",
            "1", "", "加快建设以中新知识城、南沙科学城为极点,链接全市域科技创新关键节点的科技创新轴。", "", "王 东", "", "市科技局", "", "黄埔区、南沙区政府", "", "",
            "2", "", "全力做好呼吸领域国家实验室筹建保障服务工作。", "", "王 东", "", "市科技局", "",
            "市政府办公厅、市发展改革委、市财政局、市卫生健康委,荔湾区、黄埔区政府", "", "",
        ];

        var rows = Read(lines);

        Assert.Equal(["1", "2"], rows.Select(r => r.Item));
        Assert.Equal(30, rows[0].LineIndex);
        Assert.Equal(["市科技局"], rows[0].Lead);
        Assert.Equal(["黄埔区", "南沙区政府"], rows[0].Support);
        Assert.StartsWith("加快建设以中新知识城", rows[0].Text);
        Assert.Equal(["市科技局"], rows[1].Lead);
        Assert.Equal(["市政府办公厅", "市发展改革委", "市财政局", "市卫生健康委", "荔湾区", "黄埔区政府"], rows[1].Support);
    }

    [Fact]
    public void Rows_whose_numbers_were_taken_for_page_numbers_are_cut_where_text_follows_units()
    {
        // 嘉兴市 2022, after page-number lines (1, 2, 3) were removed; the header cell 主 要 工 作 任 务 spaced out.
        List<string> lines =
        [
            "一、未来五年主要工作任务", "", "序号", "", "主 要 工 作 任 务", "", "责任单位", "",
            "地区生产总值突破1万亿元。", "", "市发展改革委", "",
            "规上工业总产值突破2万亿元。", "", "市经信局", "",
            "财政总收入突破1700亿元,一般公共预算收入突破1000亿元。", "", "市财政局",
        ];

        var rows = Read(lines);

        Assert.Equal([["市发展改革委"], ["市经信局"], ["市财政局"]], rows.Select(r => r.Lead));
        Assert.Equal("地区生产总值突破1万亿元。", rows[0].Text);
        Assert.All(rows, r => Assert.Empty(r.Support));
    }

    [Fact]
    public void A_cell_listing_units_one_per_line_stays_in_its_row_and_a_task_ending_like_a_unit_is_text()
    {
        // 大竹县 2016: 责任单位 printed one unit per line; 迁建县政务服务中心。 is the task, not a unit.
        List<string> lines =
        [
            "序号", "民生实事", "责任单位", "完成时限",
            "1", "启动建设东柳河城区段综合治理工程和东湖湿地公园。", "县水务局", "县住建局", "县护城河指挥部", "12月底前",
            "2", "新建2座人行天桥。", "县住建局", "9月投入使用",
            "6", "迁建县政务服务中心。", "县政务服务中心", "县代建中心", "12月底前",
        ];

        var rows = Read(lines);

        Assert.Equal(["1", "2", "6"], rows.Select(r => r.Item));
        Assert.Equal(["县水务局", "县住建局", "县护城河指挥部"], rows[0].Lead);
        Assert.Equal("12月底前", rows[0].TimeLimitText);
        Assert.Equal("9月投入使用", rows[1].TimeLimitText);
        Assert.Equal(["县政务服务中心", "县代建中心"], rows[2].Lead);
        Assert.Equal("迁建县政务服务中心。", rows[2].Text);
    }

    [Fact]
    public void Without_a_number_column_a_row_ends_where_text_follows_its_units_and_headings_are_dropped()
    {
        // 咸宁市 2020: no 序号, 主要 / 任务 one header cell, the first row's 工作措施 cell lost.
        List<string> lines =
        [
            "重点工作", "主要", "任务", "工作措施", "责任单位", "备注",
            "一、加大财政金融支持力度",
            "(一)加强对防疫重点企业财税支持",
            "市税务局等,各县、市、区政府,咸宁高新区管委会",
            "2020年12月",
            "2.纳入工信部支持新冠肺炎防护用品(具)技术改造设备购置补贴的重点企业,省财政给予设备购置费中央补贴后的剩余配套补贴。",
            "市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会",
        ];

        var rows = Read(lines);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["市税务局", "各县、市、区政府", "咸宁高新区管委会"], rows[0].Lead);
        Assert.Equal("2020年12月", rows[0].TimeLimitText);
        Assert.Equal(["市经信局", "市财政局", "各县、市、区政府", "咸宁高新区管委会"], rows[1].Lead);
        Assert.StartsWith("2.纳入工信部", rows[1].Text);
    }

    [Fact]
    public void Header_cells_broken_over_lines_and_columns_we_do_not_read()
    {
        // 泗洲头镇 2024: 责任 / 领导 (a person) and 责任 / 科室 (the units), progress columns we do not read.
        List<string> lines =
        [
            "序号", "重点工作", "责任", "领导", "责任", "科室", "攻坚目标", "任务", "工作任务安排", "第二季度", "完成情况",
            "1", "白仙山水库工程政策处理", "欧乾震", "白仙山水库工程政策处理工作领导小组",
            "完成项目政策处理工作,推进大坝、溢洪道、引水隧洞及配套设施建设。", "推进坟墓迁移工作。", "该工程库区内坟墓迁移进度达60%。",
            "2", "现代化美丽城镇", "吴宇凡", "乡村振兴办", "成功创建首批浙江省美丽城镇。",
        ];

        var rows = Read(lines);

        Assert.Equal(["1", "2"], rows.Select(r => r.Item));
        Assert.Equal(["白仙山水库工程政策处理工作领导小组"], rows[0].Lead);
        Assert.Equal(["乡村振兴办"], rows[1].Lead);
        Assert.StartsWith("现代化美丽城镇", rows[1].Text); // a project, not a town
        Assert.DoesNotContain(rows, r => r.Lead.Contains("欧乾震") || r.Lead.Contains("吴宇凡"));
    }

    [Fact]
    public void Progress_columns_in_the_header_and_progress_cells_after_the_units_are_not_tasks()
    {
        // 崇川区 2023, each cell closed by '|': 1-10月推进情况 is a column we do not read, its cells are not a row.
        List<string> lines =
        [
            "序号 |", "主要任务 |", "全年目标任务 |", "分管 领导 |", "牵头 单位 |", "责任主体与协同单位 |",
            "1-10月推进情况 |", "1-11月推进情况 |", "是否达序 |", "说明 |",
            "24 |", "优化提升50条背街后巷交通组织。 |", "徐国江 |", "城管局 |", "市政局、相关街道 |",
            "已进场施工,完成30%。 |", "已进场施工,完成60%。 |", "是 |", "||",
            "25 |", "新增四分类“三定一督”达标小区210个。 |", "徐国江 |", "城管局 |", "市政局、环卫处、崇川经济开发区、各街道 |",
        ];

        var rows = ResponsibilityTableReader.FindRows(StackedTables.Tabify(PipedTables.Tabify(lines)));

        Assert.Equal(["24", "25"], rows.Select(r => r.Item));
        Assert.All(rows, r => Assert.Equal(["城管局"], r.Lead));
        // Not 1-10月 from a progress cell: the only time the table sets is its 全年目标任务 column, the year's target.
        Assert.All(rows, r => Assert.Equal("全年目标任务", r.TimeLimitText));
        Assert.Equal(["市政局", "环卫处", "崇川经济开发区", "各街道"], rows[1].Support);
    }

    [Fact]
    public void Unit_cells_that_state_roles_with_verbs()
    {
        // 潍坊市 2017: no 序号 column; the 责任单位 cells say 牵头落实 (分别: each unit leads).
        List<string> lines =
        [
            "目标", "任务", "主要内容", "责任单位",
            "一、以政务公开助力稳增长", "(一)加强预期引导",
            "围绕我市经济社会发展形势,通过市政府例行新闻发布会等形式及时宣传解读。", "市发改委牵头落实",
            "围绕稳健中性的货币政策,加强金融政策信息公开。", "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实",
            "加强政务公开工作。", "办公室牵头,各科室、单位配合",
        ];

        var rows = Read(lines);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["市发改委"], rows[0].Lead);
        Assert.Equal(["市金融办", "人民银行潍坊市中心支行", "潍坊银监分局"], rows[1].Lead);
        Assert.Equal(["办公室"], rows[2].Lead);
        Assert.Equal(["各科室、单位"], rows[2].Support);
    }

    [Fact]
    public void Prose_lines_and_a_lone_label_are_left_alone()
    {
        List<string> lines = ["责任单位", "市财政局", "一、总体要求", "序号", "姓名", "1", "张三"];

        Assert.Same(lines, StackedTables.Tabify(lines));
    }
}
