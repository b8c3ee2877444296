using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

public class ResponsibilityTableReaderTests
{
    [Fact]
    public void Reads_a_table_without_lead_column_as_lead_units()
    {
        string[] lines =
        [
            "附件",
            "",
            "重点任务分工表",
            "序号\t重点任务\t责任单位\t完成时限",
            "1\t建立养老服务联席会议制度\t市民政局、市财政局\t2023年6月底前",
            "2\t开展食品安全专项检查\t市市场监管局\t长期坚持",
            "",
            "序号\t重点任务\t责任单位\t完成时限", // repeated at the page break
            "3\t加强宣传引导，营造良好社会氛围\t市委宣传部、市文化和旅游局等\t2023年底",
            "",
            "聊城市人民政府办公室",
            "4\t这一行在表格之外\t市财政局\t2023年底",
        ];

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new ResponsibilityRow(4, "1", "建立养老服务联席会议制度", ["市民政局", "市财政局"], [], "2023年6月底前"), rows[0], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(5, "2", "开展食品安全专项检查", ["市市场监管局"], [], "长期坚持"), rows[1], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(8, "3", "加强宣传引导，营造良好社会氛围", ["市委宣传部", "市文化和旅游局"], [], "2023年底"), rows[2], RowComparer.Instance);
    }

    [Fact]
    public void Reads_lead_and_support_columns_and_continued_rows()
    {
        string[] lines =
        [
            "序号\t任务\t牵头单位\t配合单位\t时间节点",
            "1\t完善考核办法，将落实情况纳入\t市委组织部\t市人力资源社会保障局、市统",
            "计局\t2023年12月底", // continued on the next line, first cell cut by extraction
            "2\t推进数据共享\t市大数据局\t-\t2023年9月底",
            "3\t完善社会信用体系\t市发展改革委\t市直有关部门、人行聊城市中",
            "心支行", // a wrapped cell without tab
            "4\t\t\t\t", // an empty row
        ];

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new ResponsibilityRow(1, "1", "完善考核办法，将落实情况纳入", ["市委组织部"], ["市人力资源社会保障局", "市统计局"], "2023年12月底"), rows[0], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(3, "2", "推进数据共享", ["市大数据局"], [], "2023年9月底"), rows[1], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(4, "3", "完善社会信用体系", ["市发展改革委"], ["市直有关部门", "人行聊城市中心支行"], null), rows[2], RowComparer.Instance);
    }

    [Fact]
    public void Rows_with_cells_dropped_by_extraction_are_aligned_by_shape()
    {
        string[] lines =
        [
            "序号\t工作任务\t具体内容\t牵头部门\t配合部门\t完成时限",
            "1\t推行帮办代办服务\t市行政审批局\t2019年9月底", // 具体内容 and 配合部门 dropped
            "2\t设立综合窗口\t整合各部门服务窗口。\t市行政审批局\t市大数据局\t2019年8月底",
        ];

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new ResponsibilityRow(1, "1", "推行帮办代办服务", ["市行政审批局"], [], "2019年9月底"), rows[0], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(2, "2", "设立综合窗口：整合各部门服务窗口。", ["市行政审批局"], ["市大数据局"], "2019年8月底"), rows[1], RowComparer.Instance);
    }

    [Fact]
    public void A_line_without_number_under_a_complete_row_is_a_row_of_its_own()
    {
        string[] lines =
        [
            "序号\t任务\t牵头单位\t配合单位\t时间节点",
            "1\t推进数据共享\t市大数据局\t市直有关部门\t2023年9月底",
            "推进电子证照应用\t市行政审批局\t市大数据局\t2023年12月底",
        ];

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new ResponsibilityRow(1, "1", "推进数据共享", ["市大数据局"], ["市直有关部门"], "2023年9月底"), rows[0], RowComparer.Instance);
        Assert.Equal(new ResponsibilityRow(2, null, "推进电子证照应用", ["市行政审批局"], ["市大数据局"], "2023年12月底"), rows[1], RowComparer.Instance);
    }

    [Fact]
    public void Lines_outside_tables_and_tables_without_unit_columns_are_ignored()
    {
        string[] lines =
        [
            "一、总体要求",
            "姓名\t性别\t出生年月",
            "张三\t男\t1980年1月",
            "项目名称\t建设内容\t投资额",
            "1\t道路改造\t5000万元",
            "（责任单位：市财政局）",
        ];

        Assert.Empty(ResponsibilityTableReader.FindRows(lines));
        Assert.Empty(ResponsibilityTableReader.FindRows([]));
        Assert.Empty(ResponsibilityTableReader.FindRows(null!));
    }

    [Fact]
    public void Section_rows_end_the_row_above_and_are_not_tasks()
    {
        string[] lines =
        [
            "序号\t目标与任务\t牵头责任单位\t责任单位",
            "(7)\t单位GDP能耗和主要污染物减排完成省下达指标。\t市发展改革委\t各县市区政府",
            "二、重点做好以下九个方面工作\t\t\t",
            "1\t大力提振消费。\t\t", // a numbered sub-heading: no units, no time limit
            "(8)\t统筹衔接消费券发放。\t市商务局\t市财政局",
            "三、持续深化改革",
            "(9)\t深化国资国企改革。\t市国资委\t市财政局",
        ];

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(["(7)", "(8)", "(9)"], rows.Select(r => r.Item));
        Assert.Equal(["各县市区政府"], rows[0].Support);
        Assert.Equal(["市国资委"], rows[2].Lead);
    }

    [Fact]
    public void A_row_as_long_as_the_header_but_shifted_is_read_by_shape()
    {
        // The 备注 cell is there but the 分管领导 cell is lost: 市科技局 sits under 分管领导, 黄埔区政府 under 牵头单位.
        string[] lines =
        [
            "序号\t重点工作\t分管领导\t牵头单位\t配合单位\t备注",
            "1\t加快建设科技创新轴。\t市科技局\t黄埔区政府\t已完成\t",
        ];

        var row = Assert.Single(ResponsibilityTableReader.FindRows(lines));

        Assert.Equal(["市科技局"], row.Lead);
        Assert.Equal(["黄埔区政府"], row.Support);
    }

    /// <summary>Rows copied from 聊城市优化提升工程建设项目审批制度改革工作任务分解表 (liaocheng-2019-08.txt).</summary>
    private static readonly string[] SampleRows =
    [
        "聊城市优化提升工程建设项目审批制度改革工作任务分解表",
        "",
        "序号\t工作任务\t具体内容\t牵头部门\t责任部门\t配合部门\t完成时限",
        "1\t\t全面梳理我市工程建设项目审批事项，取消不符合行政许可法的行政许可事项、无法法律法规依据的其他审批事项。\t市行政审批局、市发展改革委、市自然资源和规划局、市住房和城乡建设局\t市直有关部门，各县(市、区)人民政府、市属开发区管委会\t——\t2019年8月底",
        "4\t\t取消办理测绘地理信息查询审批。开放“天地图·聊城”有关地理信息数据，社会公众通过互联网可以直接访问注册查询。\t市自然资源和规划局\t——\t——\t2019年8月底",
        "",
        "序号\t工作任务\t具体内容\t牵头部门\t责任部门\t配合部门\t完成时限",
        "7\t下放审批权限\t按照方便企业和群众办事的原则，工程建设项目建设项目除法律、法规、规章明确要求由市级审批的外，原则上实行全链条建设属地审批管理。承接下放审批事项的下级机关要加大力量配备，提高审批效能。市级相关部门要加强对下放事项的沟通协调，开展指导培训，保障审批运行。\t市委编办\t市直有关部门,各县(市、区)人民政府、市属开发区管委会\t2019年8月底\t",
        "",
        "序号\t工作任务\t具体内容\t牵头部门\t责任部门\t配合部门\t完成时限",
        "30\t实行区域评估\t各类经济开发区、工业园区按照《聊城市人民政府办公室关于开展建设项目区域化评估评审工作的通知》（聊政办字〔2016〕71号）规定，系统推开区域评估工作。由功能区管理机构牵头组织对环境影响、节能、地震安全性、地质灾害危险性、压覆重要矿产资源、水土保持、防洪影响、水资源论证、文物影响、交通影响、雷电灾害风险等事项实行区域评估。依据区域评价，明确项目准入标准，在土地出让或划拨前，告知建设单位相关建设要求。区域内工程建设项目共享区域评估结果，单体建设项目建设审批时，简化相关环节、申请材料或者不再进行评估评审。各县（市、区）人民政府、市属开发区管委会根据各地实际制定并实施区域评估细则方案，明确实施区域评估的主体、实施范围、内容、方式、加强事中事后监管的具体措施等。\t各县（市、区）人民政府、市属开发区管委会——\t2019年8月底\t\t",
        "34\t推行告知承诺制\t实施施工许可容缺图纸审查制，建设单位在将完整的施工图送图审查机构审查并取得受理回执后，可先进行告知承诺，办理施工许可手续，在进行施工图审查及修改回复的同时，建设单位可先行进行基坑开挖；含桩基的项目在通过桩基施工图设计文件审查后，方可进行桩基施工；在取得施工图审查合格书后，方可进行基础底板施工。\t市行政审批局\t市住房和城乡建设局，各县（市、区）人民政府、市属开发区管委会\t\t2019年8月底",
        "35\t建设工程审批管理系统\t复制国家和试点城市做法，建成贯通市县两级、覆盖各有关部门的工程建设项目审批管理系统。2019年年底前实现工程建设项目审批管理系统与全国一体化在线政务服务平台的对接，推进建设工程建设项目审批系统与投资项目在线审批监管平台等相关审批信息系统的互联互通。将工程建设项目建设项目审批管理信息系统分为“多规合一”业务协同系统、在线并联审批系统、事中事后监管系统、信息对接四大部分同步推进，同步委托专业技术公司实施。\t市自然资源和规划局、市行政审批局、市住房和城乡建设局、市大数据管理局\t市直有关部门\t市行政审批局\t2019年12月底",
        "",
        "序号\t工作任务\t具体内 容\t牵头部门\t责任部门\t配合部门\t完成时限",
        "49\t规范中介和市政公用服务\t<p>制定实施工程建设项目中介服务和市政公用服务管理制度，实行服务承诺制，明确服务标准、办事流程和办理时限，规范服务收费。推进中介服务事项，健全行政审批中介服务体系。推进中介机构脱钩改制，开放中介服务市场，培育具有多种资质的综合性中介机构或中介机构联合体，构建开放、高效、有序的中介服务体系，进一步提升中介服务质量效率。强化行业主管部门监管责任，加大对中介机构的监管力度。</p>\t\t市直有关部门，各县（市、区）人民政府、市属开发区管委会\t市住房和城乡建设局\t2019年8月底",
        "50\t\t<p>供水、供电、燃气、热力、排水、通信等市政公用服务要全部入驻政务服务大厅，实施统一规范化管理，为建设单位提供“一站式”服务，实施好水电气暖报装专项行动。</p>\t\t市行政审批局，各县（市、区）人民政府、市属开发区管委会\t市城管局\t2019年8月底",
        "",
        "聊城市人民政府办公室",
        "2019年7月10日",
    ];

    [Fact]
    public void Reads_rows_copied_from_the_real_table()
    {
        var rows = ResponsibilityTableReader.FindRows(SampleRows);

        Assert.Equal(["1", "4", "7", "30", "34", "35", "49", "50"], rows.Select(r => r.Item));
        Assert.Equal([3, 4, 7, 10, 11, 12, 15, 16], rows.Select(r => r.LineIndex));

        var first = rows[0];
        Assert.Equal(["市行政审批局", "市发展改革委", "市自然资源和规划局", "市住房和城乡建设局"], first.Lead);
        Assert.Equal(["市直有关部门", "各县(市、区)人民政府", "市属开发区管委会"], first.Support);
        Assert.StartsWith("全面梳理我市工程建设项目审批事项", first.Text);

        // Row 4: placeholders (——) in 责任部门 and 配合部门.
        var four = rows[1];
        Assert.Equal(["市自然资源和规划局"], four.Lead);
        Assert.Empty(four.Support);
        Assert.Equal("2019年8月底", four.TimeLimitText);
        Assert.StartsWith("取消办理测绘地理信息查询审批。", four.Text);

        // Row 7: the empty 配合部门 cell was dropped, so the time limit sits under 配合部门.
        var seven = rows[2];
        Assert.Equal(["市委编办"], seven.Lead);
        Assert.Equal(["市直有关部门", "各县(市、区)人民政府", "市属开发区管委会"], seven.Support);
        Assert.Equal("2019年8月底", seven.TimeLimitText);
        Assert.StartsWith("下放审批权限：按照方便企业和群众办事的原则", seven.Text);

        // Row 30: "——" glued to the lead cell, the time limit under 责任部门.
        var thirty = rows[3];
        Assert.Equal(["各县（市、区）人民政府", "市属开发区管委会"], thirty.Lead);
        Assert.Empty(thirty.Support);
        Assert.Equal("2019年8月底", thirty.TimeLimitText);

        var thirtyFour = rows[4];
        Assert.Equal(["市行政审批局"], thirtyFour.Lead);
        Assert.Equal(["市住房和城乡建设局", "各县（市、区）人民政府", "市属开发区管委会"], thirtyFour.Support);

        // Row 35: 责任部门 and 配合部门 both support.
        var thirtyFive = rows[5];
        Assert.Equal(4, thirtyFive.Lead.Count);
        Assert.Equal(["市直有关部门"], thirtyFive.Support);
        Assert.Equal("2019年12月底", thirtyFive.TimeLimitText);

        // Row 49: HTML remnants removed; the 牵头部门 cell is empty, so the 责任部门 units lead.
        var fortyNine = rows[6];
        Assert.Equal("规范中介和市政公用服务：制定实施工程建设项目中介服务和市政公用服务管理制度，实行服务承诺制，明确服务标准、办事流程和办理时限，规范服务收费。推进中介服务事项，健全行政审批中介服务体系。推进中介机构脱钩改制，开放中介服务市场，培育具有多种资质的综合性中介机构或中介机构联合体，构建开放、高效、有序的中介服务体系，进一步提升中介服务质量效率。强化行业主管部门监管责任，加大对中介机构的监管力度。", fortyNine.Text);
        Assert.Equal(["市直有关部门", "各县（市、区）人民政府", "市属开发区管委会"], fortyNine.Lead);
        Assert.Equal(["市住房和城乡建设局"], fortyNine.Support);

        var fifty = rows[7];
        Assert.DoesNotContain("<", fifty.Text);
        Assert.Equal(["市行政审批局", "各县（市、区）人民政府", "市属开发区管委会"], fifty.Lead);
        Assert.Equal(["市城管局"], fifty.Support);
    }

    [Fact]
    public void Reads_the_whole_table_of_the_real_issue()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "samples", "liaocheng-2019-08.txt"));

        var rows = ResponsibilityTableReader.FindRows(lines);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Item));
        Assert.All(rows, r => Assert.NotEmpty(r.Lead));
        Assert.All(rows, r => Assert.Matches(@"^2019年\d{1,2}月底$", r.TimeLimitText));
        Assert.All(rows, r => Assert.StartsWith(r.Item + "\t", lines[r.LineIndex]));
        Assert.All(rows, r => Assert.DoesNotContain("<p>", r.Text));

        var four = rows[3];
        Assert.Equal(["市自然资源和规划局"], four.Lead);
        Assert.Equal("2019年8月底", four.TimeLimitText);

        // Row 13 names the same units under 责任部门 and 配合部门: listed once.
        Assert.Equal(["各县(市、区)人民政府", "市属开发区管委会"], rows[12].Support);

        // Rows 42 and 44 repeat 工作任务 in 具体内容: the text is not doubled.
        Assert.Equal("自然资源和规划部门做好土地供应计划并组织实施。", rows[41].Text);
        Assert.Equal("2019年12月底", rows[41].TimeLimitText);

        // Header of the page holding rows 40–45 has no 配合部门 column.
        Assert.Equal(["市发展改革委"], rows[39].Lead);
        Assert.Equal(["市直有关部门", "各县(市、区)人民政府", "市属开发区管委会"], rows[39].Support);
    }

    private sealed class RowComparer : IEqualityComparer<ResponsibilityRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(ResponsibilityRow? x, ResponsibilityRow? y) =>
            x is not null && y is not null && x.LineIndex == y.LineIndex && x.Item == y.Item && x.Text == y.Text
            && x.Lead.SequenceEqual(y.Lead) && x.Support.SequenceEqual(y.Support) && x.TimeLimitText == y.TimeLimitText;

        public int GetHashCode(ResponsibilityRow obj) => obj.LineIndex;
    }
}
