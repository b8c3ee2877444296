using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

public class ResponsibilityClauseFinderTests
{
    /// <summary>Paragraph → the one clause expected in it (units joined by |, "" for none).</summary>
    public static TheoryData<string, string, string, string?> OneClause => new()
    {
        // Labelled forms.
        { "推进财税体制改革。（责任单位：市财政局、市税务局）", "市财政局|市税务局", "", null },
        { "健全社会治安防控体系。（牵头单位：市委政法委；责任单位：市公安局、市大数据局）", "市委政法委", "市公安局|市大数据局", null },
        { "（牵头单位：市发展改革委；配合单位：市财政局、市自然资源和规划局）", "市发展改革委", "市财政局|市自然资源和规划局", null },
        { "（牵头部门：市行政审批局；配合部门：市住房和城乡建设局）", "市行政审批局", "市住房和城乡建设局", null },
        { "（责任部门：市生态环境局）", "市生态环境局", "", null },
        { "（主责单位：市教育体育局）", "市教育体育局", "", null },
        { "（责任主体：各县（市、区）人民政府）", "各县（市、区）人民政府", "", null },
        { "（责任领导：张伟；责任单位：市财政局）", "市财政局", "", null },
        { "（牵头领导：王强、李明；牵头单位：市农业农村局；配合单位：市水利局）", "市农业农村局", "市水利局", null },
        { "取消建设用地预审。（牵头部门：市自然资源和规划局；完成时限：8 月底）", "市自然资源和规划局", "", "8 月底" },
        { "（牵头单位：市大数据局；完成时间：2023年6月底前）", "市大数据局", "", "2023年6月底前" },
        { "（责任单位：市水利局；时间节点：2022年底）", "市水利局", "", "2022年底" },
        { "（责任单位：市城管局；时限：长期坚持）", "市城管局", "", "长期坚持" },
        { "（牵头单位：人行聊城市中心支行；配合单位：聊城银保监分局、市地方金融监管局）", "人行聊城市中心支行", "聊城银保监分局|市地方金融监管局", null },
        { "（责任单位：市商务投资促进局、市外办、聊城海关等）", "市商务投资促进局|市外办|聊城海关", "", null },
        { "（责任单位：市教育局（市委教育工委）、市财政局）", "市教育局（市委教育工委）|市财政局", "", null },
        { "（牵头单位：市发展改革委；责任单位：市直有关部门，各县（市、区）政府）", "市发展改革委", "市直有关部门|各县（市、区）政府", null },
        { "（牵头：市委组织部；配合：市人力资源社会保障局）", "市委组织部", "市人力资源社会保障局", null },
        { "（责任单位：市发展改革委、国网聊城供电公司）", "市发展改革委|国网聊城供电公司", "", null },
        { "(牵头部门:市行政审批局;完成时限:8月底)", "市行政审批局", "", "8月底" },
        { "（**责任单位**：市财政局）", "市财政局", "", null },

        // Verb forms.
        { "加强交通秩序整治。（市公安局牵头，市交通运输局、市城管局配合）", "市公安局", "市交通运输局|市城管局", null },
        { "（市公安局牵头负责）", "市公安局", "", null },
        { "（市农业农村局、市自然资源和规划局负责）", "市农业农村局|市自然资源和规划局", "", null },
        { "（市政府有关部门按照职责分工负责）", "市政府有关部门", "", null },
        { "（各县（市、区）政府、市属开发区管委会负责，市化工专项行动办公室、市安监局配合）", "各县（市、区）政府|市属开发区管委会", "市化工专项行动办公室|市安监局", null },
        { "（市住房城乡建设局组织落实）", "市住房城乡建设局", "", null },
        { "（市发展改革委、市财政局分别牵头落实）", "市发展改革委|市财政局", "", null },
        { "（各县（市、区）政府负责落实）", "各县（市、区）政府", "", null },
        { "（市直有关部门按职责分工负责）", "市直有关部门", "", null },
        { "（市卫生健康委牵头，各县（市、区）政府负责落实）", "市卫生健康委", "各县（市、区）政府", null },
        { "(各县(市、区)政府、市属开发区管委会负责,市公安局、市财政局配合)", "各县(市、区)政府|市属开发区管委会", "市公安局|市财政局", null },
        { "（各县（市、区）政府、市属开发区管委会和市国土局、市财政局、市税务局负责）", "各县（市、区）政府|市属开发区管委会|市国土局|市财政局|市税务局", "", null },
        { "（市卫计委、市发改委、市人社局、市财政局负责。列第一位者为牵头部门或单位，其他部门和单位按职责分工负责，下同）", "市卫计委", "市发改委|市人社局|市财政局", null },
        { "（由市市场监管局负责）", "市市场监管局", "", null },
        { "（市公安局会同市交通运输局负责）", "市公安局", "市交通运输局", null },
        { "（市财政局牵头，市税务局配合，2023年底前完成）", "市财政局", "市税务局", "2023年底前完成" },
        { "（市卫计委、市编办、市中医药工作联席会议成员单位，各县（市、区）政府、市属开发区管委会负责）", "市卫计委|市编办|市中医药工作联席会议成员单位|各县（市、区）政府|市属开发区管委会", "", null },
        { "（市大数据局牵头，中国移动聊城分公司、中国联通聊城市分公司配合）", "市大数据局", "中国移动聊城分公司|中国联通聊城市分公司", null },
        { "（各县（市、区）党委和政府负责）", "各县（市、区）党委和政府", "", null },
        { "（市住房和城乡建设局、市人力资源和社会保障局负责）", "市住房和城乡建设局|市人力资源和社会保障局", "", null },
        { "（各县（市、区）政府负总责）", "各县（市、区）政府", "", null },
        { "（具体工作由市住房城乡建设局牵头负责）", "市住房城乡建设局", "", null },
        { "（中国（山东）自由贸易试验区聊城片区管委会负责）", "中国（山东）自由贸易试验区聊城片区管委会", "", null },
        { "（市委组织部、市委编办牵头，各县（市、区）委组织部配合）", "市委组织部|市委编办", "各县（市、区）委组织部", null },
        { "（市公安局牵头，相关部门配合）", "市公安局", "相关部门", null },
        { "（各县（市、区）负责）", "各县（市、区）", "", null },
        { "（市财政局以及各县（市、区）财政部门负责）", "市财政局|各县（市、区）财政部门", "", null },

        // Label paragraphs and sentences.
        { "责任分工：市发改委牵头，市经信委、市质监局配合，各县（市、区）政府、市属开发区管委会、市直各部门负责落实。", "市发改委", "市经信委|市质监局|各县（市、区）政府|市属开发区管委会|市直各部门", null },
        { "责任单位：市大数据局", "市大数据局", "", null },
        { "责任分工：市发改委、市工商局、市财政局、各县（市、区）政府、市属开发区管委会按职责分工分别牵头落实。", "市发改委|市工商局|市财政局|各县（市、区）政府|市属开发区管委会", "", null },
        { "责任分工：市政府办公室牵头，市信息化服务中心、市长公开电话受理中心配合，市直各部门负责落实。", "市政府办公室", "市信息化服务中心|市长公开电话受理中心|市直各部门", null },
        { "责任分工：市编办、市工商局、市国土局、市住建局等部门按照职责分工分别牵头，各县（市、区）政府、市属开发区管委会负责落实。", "市编办|市工商局|市国土局|市住建局", "各县（市、区）政府|市属开发区管委会", null },
        { "责任分工：市政府办公室牵头，各县（市、区）政府、市属开发区管委会、市直各部门根据工作职责分头落实。", "市政府办公室", "各县（市、区）政府|市属开发区管委会|市直各部门", null },
        { "责任分工：市政府新闻办牵头，市政府应急办、市网信办分头配合，各县（市、区）政府负责落实。", "市政府新闻办", "市政府应急办|市网信办|各县（市、区）政府", null },
        { "责任分工：市发改委、市公路局、市公共资源交易中心等市直部门及各县（市、区）政府按职能分工负责落实。", "市发改委|市公路局|市公共资源交易中心|各县（市、区）政府", "", null },
        { "**责任单位**：市发展改革委、市财政局", "市发展改革委|市财政局", "", null },
        { "\u3000\u3000责任分工：市民政局牵头，各县（市、区）政府负责落实。", "市民政局", "各县（市、区）政府", null },
        { "责任单位:市城管局;完成时限:2022年9月底", "市城管局", "", "2022年9月底" },
        { "（三）责任单位：市民政局；完成时限：2022年12月底。", "市民政局", "", "2022年12月底" },
        { "【责任单位】市财政局、市税务局", "市财政局|市税务局", "", null },
        { "牵头单位：市委网信办；责任单位：市公安局、市大数据局", "市委网信办", "市公安局|市大数据局", null },

        // 主办 / 协办 (南京's 宁政发〔2026〕16号 in the corpus writes its clauses so).
        { "社会消费品零售总额增长4.5%左右。（市商务局、市农业农村局主办，市税务局、市财政局协办）", "市商务局|市农业农村局", "市税务局|市财政局", null },
        { "一般公共预算收入增长1%左右。（市发改委、市财政局主办）", "市发改委|市财政局", "", null },

        // Square brackets as the container (合肥 2023 in the corpus); 各县(市)区、开发区 is one unit.
        { "孕产妇系统管理率达92%以上。〔牵头单位:市卫健委;配合单位:市妇联,各县(市)区、开发区〕", "市卫健委", "市妇联|各县(市)区、开发区", null },
        { "推进政务服务一网通办。【牵头单位：市数据资源局；配合单位：市财政局、市公安局】", "市数据资源局", "市财政局|市公安局", null },

        // Half-width punctuation; units 按职责分工负责 after a lead class support it (东莞 2017).
        { "积极参与编制。(牵头单位:市发改局、市委政研室;各相关部门、镇街(园区)按职责分工负责)", "市发改局|市委政研室", "各相关部门|镇街(园区)", null },

        // (A、B…按职责分工负责) with no lead: all lead; (A牵头,B、C…按职责分工负责): A leads (河南 2023).
        { "(省商务厅、财政厅、发展改革委、地方金融监管局、人行郑州中心支行、河南银保监局等相关部门按职责分工负责)", "省商务厅|财政厅|发展改革委|地方金融监管局|人行郑州中心支行|河南银保监局", "", null },
        { "(省发展改革委牵头,省商务厅、财政厅、文化和旅游厅、工业和信息化厅、住房城乡建设厅等相关部门按职责分工负责)", "省发展改革委", "省商务厅|财政厅|文化和旅游厅|工业和信息化厅|住房城乡建设厅", null },

        // Labelled lines joined into one paragraph; 牵头负责领导 is a person (六安 2021, 沈阳 2026, 湖北 2018, 新密 2021).
        { "牵头责任单位:市发改委。协同责任单位:市政府各部门、各直属机构。完成时限:2021年12月31日", "市发改委", "市政府各部门、各直属机构", "2021年12月31日" },
        { "牵头单位:市发展改革委；责任单位:市财政局等有关部门,各区、县(市)政府及开发区管委会", "市发展改革委", "市财政局|各区、县(市)政府|开发区管委会", null },
        { "牵头单位:省发展改革委;责任单位:省编办、省国土资源厅、省环保厅、省住建厅", "省发展改革委", "省编办|省国土资源厅|省环保厅|省住建厅", null },
        { "责任单位: 市发展改革委、住建局, 各乡镇政府、街道办事处 、伏羲 山管委 会", "市发展改革委|住建局|各乡镇政府|街道办事处|伏羲山管委会", "", null },

        // Organ heads beyond 局/委/办: 协 (科协), 大学, 专班.
        { "（市科协、市总工会、聊城大学负责，市数据专班配合）", "市科协|市总工会|聊城大学", "市数据专班", null },

        // Labels parted by spaces only, and the short labels 牵头负责 / 协同.
        { "责任单位：市财政局 完成时限：2023年底", "市财政局", "", "2023年底" },
        { "牵头单位：市发改委  配合单位：市财政局、市税务局", "市发改委", "市财政局|市税务局", null },
        { "（牵头单位：市发改委 配合单位：市财政局 市税务局）", "市发改委", "市财政局|市税务局", null },
        { "牵头负责：市公安局；协同：市交通运输局", "市公安局", "市交通运输局", null },

        // A unit label naming no role continues a clause as responsible (成都 2019: 数据提供单位).
        { "(牵头领导:谢瑞武,牵头单位:市发改委,责任单位:市农业农村局、市经信局,数据提供单位:市统计局)", "市发改委", "市农业农村局|市经信局|市统计局", null },

        // Units alone in parentheses closing an item: all lead (西安 2018, 宁波 2006, 青岛 2019).
        { "有效吸引社会资本投资工业经济发展。(市工信委、市财政局)", "市工信委|市财政局", "", null },
        { "实现固定资产投资1590亿元,增长16%。(市发改委)", "市发改委", "", null },
        { "(一)实现城镇新增就业30万人。(责任单位:市人力资源社会保障局、市财政局,各区、市政府,青岛高新区管委)", "市人力资源社会保障局|市财政局|各区、市政府|青岛高新区管委", "", null },
        { "年底前基本实现群众企业在线办事。(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府、开发区管委。以下任务均需各区市政府、开发区管委落实,不再一一列出)", "市行政审批服务局", "市直有关部门、单位|各区市政府|开发区管委", null },
    };

    [Theory]
    [MemberData(nameof(OneClause))]
    public void Finds_the_clause(string paragraph, string lead, string support, string? timeLimit)
    {
        var clauses = ResponsibilityClauseFinder.FindAll(paragraph);

        var clause = Assert.Single(clauses);
        Assert.Equal(Units(lead), clause.Lead);
        Assert.Equal(Units(support), clause.Support);
        Assert.Equal(timeLimit, clause.TimeLimitText);
        Assert.InRange(clause.Start, 0, paragraph.Length - 1);
        Assert.InRange(clause.Length, 1, paragraph.Length - clause.Start);
    }

    public static TheoryData<string> NoClause => new()
    {
        "参加职工基本医疗保险（以下简称“职工医保”）的人员，按规定享受待遇。",
        "新录用人员实行试用期制度（试用期一年），期满考核合格的予以任职。",
        "年龄在18至45周岁之间（含45岁），具有正常履行职责的身体条件，报考单位另有要求的除外。",
        "依据《政府投资条例》（国令第712号）和有关规定，由项目单位负责组织实施。",
        "制定三年行动计划（2019—2021年），各部门负责抓好落实。",
        "附件：重点任务分工（略），各责任单位要抓好落实。",
        "设立医务科（负责医疗、护理、人事、财务等工作），配备专职人员。",
        "公安机关负责本行政区域内户籍管理工作，民政部门予以配合。",
        "参保人员（在本单位参保三个月以上）可以申请，所在单位负责审核。",
        "填写申请表，加盖公章（单位）后报送。",
        "由市人力资源社会保障局会同有关部门（以下称考核部门）组织实施。",
        "确定一个部门作为牵头部门（以下简称牵头单位），负责统筹协调。",
        "（完成时限：2019年底）",
        "（责任领导：张伟）",
        "市公安局、市交通运输局负责。",
        "（由各地根据实际负责组织）",
        "党政主要负责同志是第一责任人（负总责），分管负责同志是直接责任人。",
        "（主要负责城市规划、建设和管理工作）",
        "（具体由市财政局负责解释）",
        "（市直部门按职责配合做好相关工作）",
        "（其他部门和单位按职责分工负责）",
        "成立领导小组（市长任组长，分管副市长任副组长，各有关部门主要负责人为成员）。",
        "上述部门（以下简称“市直部门”）要各司其职。",
        "主要工作：出台专业性较强的政策时，牵头起草部门要注重运用客观数据。",
        "**(下转第6页)** 各部门要加强配合。",
        "",
        "一、总体要求",
        "【发布单位】山西省人民政府",
        "发布单位:山西省人民政府",
        "比上年增长12%(市发改委),力争更好。",
        "(市发改委、市财政局)",
        "(列在分工项目首位的为牵头单位,其他为协办单位):",
    };

    [Theory]
    [MemberData(nameof(NoClause))]
    public void Finds_nothing_in_ordinary_text(string paragraph)
    {
        Assert.Empty(ResponsibilityClauseFinder.FindAll(paragraph));
    }

    /// <summary>Clauses read under a document that said the first unit listed leads (丽水 2023, 珠海 2009 in the corpus).</summary>
    public static TheoryData<string, string, string> UnderFirstListedRule => new()
    {
        { "责任单位:市双招双引办、市发改委、市经信局,各县(市、区)政府、丽水开发区管委会", "市双招双引办", "市发改委|市经信局|各县(市、区)政府|丽水开发区管委会" },
        // 分别牵头 names every lead itself: the rule does not apply.
        { "责任单位:市人力社保局、市农业农村局分别牵头", "市人力社保局|市农业农村局", "" },
        { "(一)建设珠江口西岸核心城市。(市委政研室、市委改革办)", "市委政研室", "市委改革办" },
        { "责任单位:市发改委", "市发改委", "" },
        { "（市公安局牵头，市交通运输局、市城管局配合）", "市公安局", "市交通运输局|市城管局" },
    };

    [Theory]
    [MemberData(nameof(UnderFirstListedRule))]
    public void First_listed_unit_leads_under_the_documents_rule(string paragraph, string lead, string support)
    {
        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph, firstListedLeads: true));

        Assert.Equal(Units(lead), clause.Lead);
        Assert.Equal(Units(support), clause.Support);
    }

    [Fact]
    public void Bare_units_close_each_item_of_a_text_flattened_onto_one_line()
    {
        var clauses = ResponsibilityClauseFinder.FindAll(
            "1.全市生产总值增长12%。(市发改委) 2.一般预算收入比上年增长12%。(市财政局) 3.实现固定资产投资1590亿元,增长16%。(市发改委)");

        Assert.Equal(["市发改委", "市财政局", "市发改委"], clauses.Select(c => Assert.Single(c.Lead)));
    }

    [Fact]
    public void Many_bare_parentheses_in_one_long_paragraph_are_bounded_work()
    {
        // Each （市发改委） after a sentence is followed by the rest of a 600,000-character paragraph: only its start is read.
        var paragraph = string.Concat(Enumerable.Repeat("增长12%。(市发改委)比上年", 50_000));

        Assert.Empty(ResponsibilityClauseFinder.FindAll(paragraph));
    }

    [Fact]
    public void Rule_stated_after_the_last_unit_applies_and_is_no_unit()
    {
        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(
            "责任单位:市发改委、市经信局、市科技局、市卫生健康委(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)"));

        Assert.Equal(["市发改委"], clause.Lead);
        Assert.Equal(["市经信局", "市科技局", "市卫生健康委"], clause.Support);
    }

    [Fact]
    public void Parenthesised_clause_is_located_with_its_parentheses()
    {
        const string paragraph = "取消办理测绘地理信息查询审批。（牵头部门：市自然资源和规划局；完成时限：8 月底）";

        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph));

        Assert.Equal("（牵头部门：市自然资源和规划局；完成时限：8 月底）", paragraph.Substring(clause.Start, clause.Length));
    }

    [Fact]
    public void Markdown_bold_is_outside_the_located_clause()
    {
        const string paragraph = "为群众办事增加便利。**(市公安局、市大数据局负责)**";

        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph));

        Assert.Equal("(市公安局、市大数据局负责)", paragraph.Substring(clause.Start, clause.Length));
        Assert.Equal(["市公安局", "市大数据局"], clause.Lead);
    }

    [Fact]
    public void Label_paragraph_covers_the_whole_paragraph()
    {
        const string paragraph = "责任分工：市扶贫办牵头，各县（市、区）政府、市属开发区管委会负责落实。";

        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph));

        Assert.Equal(0, clause.Start);
        Assert.Equal(paragraph.Length, clause.Length);
        Assert.Equal(["市扶贫办"], clause.Lead);
        Assert.Equal(["各县（市、区）政府", "市属开发区管委会"], clause.Support);
    }

    [Fact]
    public void Label_sentence_in_mid_paragraph_starts_at_its_label()
    {
        const string paragraph = "加快推进养老服务体系建设，提升服务质量。责任单位：市民政局；完成时限：2023年底。";

        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph));

        Assert.Equal("责任单位：市民政局；完成时限：2023年底。", paragraph.Substring(clause.Start, clause.Length));
        Assert.Equal(["市民政局"], clause.Lead);
        Assert.Equal("2023年底", clause.TimeLimitText);
    }

    [Fact]
    public void Several_clauses_in_one_paragraph_come_in_order()
    {
        const string paragraph =
            "立项用地规划许可阶段主要包括项目审批核准、选址意见书核发等(牵头部门：市发展改革委、市行政审批局)。" +
            "工程建设许可阶段主要包括设计方案审查等(牵头部门：市自然资源和规划局)。" +
            "竣工验收阶段主要包括规划、土地、消防等验收。(牵头部门：市行政审批局、市住房城乡建设局；完成时限：8月底)";

        var clauses = ResponsibilityClauseFinder.FindAll(paragraph);

        Assert.Equal(3, clauses.Count);
        Assert.Equal(["市发展改革委", "市行政审批局"], clauses[0].Lead);
        Assert.Equal(["市自然资源和规划局"], clauses[1].Lead);
        Assert.Equal(["市行政审批局", "市住房城乡建设局"], clauses[2].Lead);
        Assert.Null(clauses[0].TimeLimitText);
        Assert.Equal("8月底", clauses[2].TimeLimitText);
        Assert.True(clauses[0].Start < clauses[1].Start && clauses[1].Start < clauses[2].Start);
        Assert.Equal("(牵头部门：市自然资源和规划局)", paragraph.Substring(clauses[1].Start, clauses[1].Length));
    }

    [Fact]
    public void Prose_parenthesis_next_to_a_clause_is_not_a_clause()
    {
        const string paragraph =
            "按照《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号），建设政务服务平台（负责统一受理）。（责任单位：市行政审批局）";

        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll(paragraph));

        Assert.Equal(["市行政审批局"], clause.Lead);
    }

    [Fact]
    public void Nothing_found_returns_a_shared_empty_list()
    {
        var a = ResponsibilityClauseFinder.FindAll("一、总体要求");
        var b = ResponsibilityClauseFinder.FindAll("各部门负责做好宣传（略）。");

        Assert.Empty(a);
        Assert.Same(a, b);
    }

    [Fact]
    public void Malformed_input_never_throws()
    {
        var alphabet = "（）()：:；;，,、。责任单位牵头部门配合负责落实分工市局委办和等**——【】\t 12年月底各县区政府".ToCharArray();
        var random = new Random(20240601);
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);

            foreach (var clause in ResponsibilityClauseFinder.FindAll(text))
            {
                Assert.InRange(clause.Start, 0, text.Length - 1);
                Assert.InRange(clause.Start + clause.Length, clause.Start + 1, text.Length);
                Assert.NotEmpty(clause.Lead.Concat(clause.Support));
            }

            _ = UnitSplitter.Split(text);
        }

        Assert.Empty(ResponsibilityClauseFinder.FindAll(null!));
        Assert.Empty(ResponsibilityClauseFinder.FindAll("（（（（责任单位："));
        Assert.Empty(ResponsibilityClauseFinder.FindAll("责任单位："));
        Assert.Empty(ResponsibilityClauseFinder.FindAll("））））牵头"));
    }

    [Fact]
    public void Real_issue_clauses_are_found_where_written()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "samples", "liaocheng-2019-08.txt"));
        var all = new List<(int Line, ResponsibilityClause Clause)>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var clause in ResponsibilityClauseFinder.FindAll(lines[i]))
            {
                all.Add((i, clause));
                var text = lines[i].Substring(clause.Start, clause.Length);
                Assert.True(text[0] is '（' or '(' || text.Contains('：') || text.Contains(':'), text);
                Assert.All(clause.Lead.Concat(clause.Support), u => Assert.Equal(u.Trim(), u));
            }
        }

        // 15. 智慧应急 … （牵头单位：市应急局；责任单位：市大数据局、…、市消防救援支队）
        var emergency = all.Single(c => c.Clause.Lead.SequenceEqual(["市应急局"])).Clause;
        Assert.Equal(8, emergency.Support.Count);
        Assert.Equal("市消防救援支队", emergency.Support[^1]);

        // (六) 合理划分审批阶段: four clauses in one paragraph.
        Assert.Contains(all.GroupBy(c => c.Line), g => g.Count() == 4);

        // No table line yields a clause: units in table cells are not parenthesised.
        Assert.DoesNotContain(all, c => lines[c.Line].Contains('\t'));
    }

    private static string[] Units(string joined) => joined.Length == 0 ? [] : joined.Split('|');

    [Fact]
    public void A_labelled_clause_the_text_ends_inside_still_names_its_units_but_an_open_bracket_of_prose_does_not()
    {
        // 鄂政发〔2018〕26号 as a mirror site cut it off, in the middle of the clause.
        var clause = Assert.Single(ResponsibilityClauseFinder.FindAll("不得限制或者排斥本地以外的法人参加投标。(牵头单位:省发展改革委;责任单位:省编办、省国土资源厅、"));
        Assert.Equal(["省发展改革委"], clause.Lead);
        Assert.Equal(["省编办", "省国土资源厅"], clause.Support);
        Assert.Equal("不得限制或者排斥本地以外的法人参加投标。".Length + "(牵头单位:省发展改革委;责任单位:省编办、省国土资源厅、".Length, clause.Start + clause.Length);

        Assert.Empty(ResponsibilityClauseFinder.FindAll("完成全年目标任务。(市委政研室、市委改革办"));
    }
}
