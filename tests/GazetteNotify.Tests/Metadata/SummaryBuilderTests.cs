using GazetteNotify.Parsing.Summary;

namespace GazetteNotify.Tests.Metadata;

public class SummaryBuilderTests
{
    // 2022-06 聊政发〔2022〕6号 (意见), body paragraphs as the sample prints them (items shortened to their first sentences).
    private static readonly string[] Opinion =
    [
        "聊城市人民政府 关于稳住经济运行以优异成绩迎接 党的二十大胜利召开的若干意见",
        "各县（市、区）人民政府，市属开发区管委会，市政府有关部门、直属机构：",
        "为认真贯彻落实党中央、国务院决策部署和省委、省政府工作要求，高效统筹疫情防控和经济社会发展，统筹发展和安全，切实把我市二季度经济稳住，努力实现全年经济社会发展预期目标，以实际行动捍卫“两个确立”、做到“两个维护”，以优异成绩迎接党的二十大胜利召开，现结合我市实际，提出以下意见。",
        "一、加大财税金融支持力度",
        "1. 依法全面落实新的组合式税费支持政策。加快退税进度，确保现有可退增量及存量留抵退税尽快落地。（责任单位：市财政局、市税务局）",
        "2. 依法加快涉企资金兑付进度。加快债券支出进度，6月底前基本发行完毕，8月底前基本使用到位。（责任单位：市财政局、市发展改革委）",
        "二、扩大有效投资",
        "5. 实施一批重大基础设施项目。加快济郑高铁建设进度，力争雄商高铁尽快开工。（责任单位：市发展改革委、市交通运输局）",
        "三、促进消费扩容提质",
        "8. 促进房地产市场平稳健康发展。（责任单位：市行政审批局）",
        "四、保障粮食能源安全",
        "12. 确保粮食丰产丰收。（责任单位：市农业农村局）",
        "五、保产业链供应链稳定",
        "16. 降低市场主体房屋成本。（责任单位：市国资委）",
        "六、保基本民生",
        "21. 加大稳就业保就业力度。（责任单位：市人力资源社会保障局）",
        "聊城市人民政府",
        "2022年6月6日",
    ];

    private const string OpinionPurpose =
        "为认真贯彻落实党中央、国务院决策部署和省委、省政府工作要求，高效统筹疫情防控和经济社会发展，统筹发展和安全，切实把我市二季度经济稳住，努力实现全年经济社会发展预期目标，以实际行动捍卫“两个确立”、做到“两个维护”，以优异成绩迎接党的二十大胜利召开，现结合我市实际，提出以下意见。";

    [Fact]
    public void OpinionGivesPurposeThenTopLevelHeadings()
    {
        var s = SummaryBuilder.Build(Opinion);
        Assert.StartsWith(OpinionPurpose, s, StringComparison.Ordinal);
        Assert.Contains("加大财税金融支持力度；扩大有效投资；促进消费扩容提质；保障粮食能源安全；保产业链供应链稳定；保基本民生", s, StringComparison.Ordinal);
        Assert.DoesNotContain("一、", s, StringComparison.Ordinal);
        Assert.DoesNotContain("依法全面落实", s, StringComparison.Ordinal);
        Assert.True(s.Length <= SummaryBuilder.Cap + 1);
    }

    [Fact]
    public void RulesWithChaptersGiveChapterTitles()
    {
        // 2022-06 聊政办字〔2022〕26号, the attached 实施细则.
        string[] paragraphs =
        [
            "聊城市建立健全职工基本医疗保险 门诊共济保障机制实施细则",
            "第一章 总 则",
            "第一条 为进一步健全互助共济、责任共担的职工基本医疗保险（以下简称“职工医保”）制度，优化医保基金使用结构，更好解决职工医保门诊保障问题，切实减轻门诊医疗费用负担，根据《山东省人民政府办公厅关于印发山东省建立健全职工基本医疗保险门诊共济保障机制实施方案的通知》（鲁政办发〔2021〕22号）要求，现结合我市实际，制定本实施细则。",
            "第二条 以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届历次全会精神，以人民健康为中心，加快医疗保障重点领域和关键环节改革。",
            "第三条 本细则适用于我市全体参加统账结合模式的职工医保参保人员。",
            "第二章 门诊统筹保障待遇",
            "第六条 建立健全职工普通门诊统筹保障机制。",
            "（一）起付标准。在一个自然年度内，参保人员在统筹区内有普通门诊统筹定点资格的医疗机构就医。",
            "第三章 个人账户改革和使用管理",
            "第十一条 改革职工医保个人账户计入办法。",
            "第四章 医疗服务与就医管理",
            "第十四条 职工医保门诊统筹实行定点协议管理。",
            "第五章 监督管理",
            "第二十二条 健全监督机制。",
            "第六章 附 则",
            "第二十七条 本实施细则自2023年1月1日起施行。",
        ];
        var s = SummaryBuilder.Build(paragraphs);
        Assert.StartsWith("为进一步健全互助共济、责任共担的职工基本医疗保险", s, StringComparison.Ordinal);
        Assert.Contains("制定本实施细则。", s, StringComparison.Ordinal);
        Assert.Contains("总则；门诊统筹保障待遇；个人账户改革和使用管理；医疗服务与就医管理；监督管理；附则", s, StringComparison.Ordinal);
        Assert.DoesNotContain("第一条", s, StringComparison.Ordinal);
        Assert.DoesNotContain("起付标准", s, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticlesWithoutChaptersGiveThePurposeOnly()
    {
        // 2022-06 聊政办字〔2022〕22号, the attached 办法: its （一） items are inside articles, not headings.
        string[] paragraphs =
        [
            "聊城市居住证实施办法",
            "第一条 为保障流动人口合法权益，推动人口有序转移、合理分布，促进基本公共服务均等化，实现城镇基本公共服务和便利常住人口全覆盖，根据国务院《居住证暂行条例》（国令第663号）、《山东省流动人口服务管理暂行办法》（省政府令第306号）等有关法律、法规，现结合我市实际，制定本办法。",
            "第二条 市外来聊人员、本市跨县（市、区）居住人员的居住证申领、发放、使用等服务管理，适用本办法。",
            "第十一条 居住证持有人按照国家和本市有关规定,在居住地依法享受以下权利:",
            "(一)参与有关公共决策和居住地社区事务管理;",
            "(二)参加社会保险;",
            "(三)缴存、提取和使用住房公积金;",
            "第十八条 本办法自2022年8月1日起施行，有效期至2025年7月31日。本办法施行前已发放的居住证，在有效期内继续有效。",
        ];
        Assert.Equal(
            "为保障流动人口合法权益，推动人口有序转移、合理分布，促进基本公共服务均等化，实现城镇基本公共服务和便利常住人口全覆盖，根据国务院《居住证暂行条例》（国令第663号）、《山东省流动人口服务管理暂行办法》（省政府令第306号）等有关法律、法规，现结合我市实际，制定本办法。",
            SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void NoticeWithoutPurposeClauseUsesItsAsFollowsSentence()
    {
        // 2022-06 聊政办字〔2022〕25号.
        string[] paragraphs =
        [
            "各县（市、区）人民政府，市属开发区管委会，市政府有关部门、直属机构：",
            "根据《劳动保障监察条例》和《山东省劳动和社会保障监察条例》要求，现对明确我市劳动和社会保障监察管辖权限有关事项通知如下：",
            "一、管辖权限划分原则",
            "我市劳动和社会保障监察管辖权限遵照“属地管理、分级负责、高效便民”的原则划分，推动执法重心下移、执法力量下沉。",
            "二、管辖权限划分内容",
            "（一）市人力资源和社会保障部门负责对以下用人单位实施劳动和社会保障监察：",
            "1. 与劳动者建立劳动关系的市属机关、事业单位、社会团体和市国资委监管企业；",
            "三、有关要求",
            "各县（市、区）人民政府、市属开发区管委会和市直有关部门（单位）要根据各自职责，支持、协助人力资源社会保障行政部门的劳动和社会保障监察工作。",
            "四、特别说明",
            "本通知未作规定的，按照国家法律规定执行。本通知由市人力资源和社会保障部门负责解释。",
        ];
        Assert.Equal(
            "根据《劳动保障监察条例》和《山东省劳动和社会保障监察条例》要求，现对明确我市劳动和社会保障监察管辖权限有关事项通知如下：管辖权限划分原则；管辖权限划分内容；有关要求；特别说明。",
            SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void RunInHeadingsKeepTheirFirstSentenceAndAnAttachmentsOutlineIsLeftOut()
    {
        // Invented in the shape of a 意见 with run-in headings and an attached standard numbered from 一 again.
        string[] paragraphs =
        [
            "为加快推进城市更新，提升城市品质，现提出如下意见：",
            "一、总体要求。坚持以人民为中心的发展思想，到2025年基本完成老旧小区改造任务。",
            "二、重点任务。实施老旧小区改造、完整社区建设和城市生命线安全工程。",
            "三、保障措施。各级各部门要加强组织领导，强化资金保障。",
            "附件",
            "老旧小区改造技术标准",
            "一、改造范围",
            "二、改造内容",
            "三、验收要求",
            "四、档案管理",
        ];
        Assert.Equal("为加快推进城市更新，提升城市品质，现提出如下意见：总体要求；重点任务；保障措施。", SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void PlanWithArabicOutlineFindsItsPurposeUnderASubheading()
    {
        // 2018-07 聊政办发〔2018〕14号 (应急预案): 1. 总则 / 1.1 编制目的.
        string[] paragraphs =
        [
            "聊城市突发公共卫生事件应急预案",
            "1. 总 则",
            "1.1 编制目的",
            "为有效预防、及时控制和消除突发公共卫生事件的危害，指导和规范各类突发公共卫生事件应急处理工作，最大限度地减少突发公共卫生事件对公众健康的危害，保障公众身心健康与生命安全，制订本预案。",
            "1.2 编制依据",
            "依据《中华人民共和国突发事件应对法》《中华人民共和国传染病防治法》等，编制本预案。",
            "2. 应急组织体系与职责",
            "2.1 应急指挥部的组建和职责",
            "3. 突发公共卫生事件监测、预警与信息报告",
            "8. 附则",
        ];
        var s = SummaryBuilder.Build(paragraphs);
        Assert.StartsWith("为有效预防、及时控制和消除突发公共卫生事件的危害", s, StringComparison.Ordinal);
        Assert.EndsWith("制订本预案。主要内容：总则；应急组织体系与职责；突发公共卫生事件监测、预警与信息报告。", s, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanWhoseSubheadingsAreRunIntoTheirParagraphs()
    {
        // The same 预案 when line joining has run each sub-heading into the text that follows it.
        string[] paragraphs =
        [
            "目 录",
            "1. 总则",
            "1.1 编制目的1.2 编制依据1.3 事件分级",
            "2. 应急组织体系与职责",
            "3. 突发公共卫生事件监测、预警与信息报告3.1 监测3.2 预警和风险评估3.3 信息报告",
            "1. 总 则",
            "1.1 编制目的为有效预防、及时控制和消除突发公共卫生事件的危害，保障公众身心健康与生命安全，制订本预案。",
            "1.2 编制依据依据《中华人民共和国突发事件应对法》等，编制本预案。",
        ];
        Assert.Equal(
            "为有效预防、及时控制和消除突发公共卫生事件的危害，保障公众身心健康与生命安全，制订本预案。主要内容：总则；应急组织体系与职责；突发公共卫生事件监测、预警与信息报告。",
            SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void LongOutlinesAreCappedBetweenHeadings()
    {
        var paragraphs = new List<string> { OpinionPurpose };
        string[] numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
        var headings = new List<string>();
        for (var i = 0; i < numerals.Length; i++)
        {
            var heading = $"持续深化第{numerals[i]}方面重点领域和关键环节改革";
            headings.Add(heading);
            paragraphs.Add($"{numerals[i]}、{heading}");
            paragraphs.Add("各级各部门要按照职责分工抓好落实。");
        }

        var s = SummaryBuilder.Build(paragraphs);
        Assert.True(s.Length <= SummaryBuilder.Cap + 1, $"length {s.Length}");
        Assert.EndsWith("…", s, StringComparison.Ordinal);
        Assert.StartsWith(OpinionPurpose, s, StringComparison.Ordinal);
        // Every heading part is whole.
        var parts = s[OpinionPurpose.Length..^1].Replace("主要内容：", "", StringComparison.Ordinal).Split('；', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.Contains(p, headings));
    }

    [Fact]
    public void APurposeLongerThanTheCapIsCutAtAComma()
    {
        var purpose = "为" + string.Concat(Enumerable.Repeat("进一步加强和改进全市政务服务工作，", 30)) + "制定本办法。";
        var s = SummaryBuilder.Build([purpose]);
        Assert.True(s.Length <= SummaryBuilder.Cap, $"length {s.Length}");
        Assert.EndsWith("工作…", s, StringComparison.Ordinal);
        Assert.StartsWith("为进一步加强和改进全市政务服务工作，", s, StringComparison.Ordinal);
    }

    [Fact]
    public void ChronicleGivesItsFirstTwoEntries()
    {
        // 2022-06 聊城市人民政府大事记(2022年6月).
        string[] paragraphs =
        [
            "聊城市人民政府大事记",
            "(2022年6月)",
            "4日，“2022惠享山东消费年”暨家电消费节活动在济南主会场启动。我市设分会场收听收看并启动“水城消夏美食节”活动。市委副书记、代市长张百顺，省驻聊“四进”工作组组长、省市场监督管理局副局长于智勇，市人大常委会副主任马广朋，副市长王刚，市政协副主席程继峰，市政府秘书长郭守印参加活动。",
            "5日，市委副书记、代市长张百顺主持召开市政府常务（扩大）会议，深入学习贯彻省第十二次党代会精神，动员各级各部门进一步强化目标导向、问题导向、结果导向，扛牢责任、迎难而上、加压奋进，全力以赴稳经济、稳增长、稳运行。",
            "△市委副书记、代市长张百顺主持召开市政府常务会议，研究稳住经济运行6方面23项政策措施。",
            "6日，市委副书记、代市长张百顺到我市重点企业调研。",
        ];
        Assert.Equal(paragraphs[2] + paragraphs[3], SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void ChronicleWithHalfWidthCommasAndDayRanges()
    {
        // 2018-07 聊城市人民政府大事记（2018年6月）.
        string[] paragraphs =
        [
            "2日,水城论坛--新旧动能转换大讲堂开讲。市委书记、市人大常委会主任徐景颜主持论坛并讲话。",
            "2日-3日,公安部部长赵克志赴青岛调度峰会安保工作情况并安排部署下一步安保工作,副市长、市公安局局长成伟参加调度会。",
            "5日,市委副书记、市长宋军继赴茌平县调研。",
        ];
        Assert.Equal(paragraphs[0] + paragraphs[1], SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void PersonnelNoticeGivesItsDecisions()
    {
        // In the shape of 聊政任〔2019〕8号 (the sample's own layout is scrambled by the PDF's two columns).
        string[] paragraphs =
        [
            "各县（市、区）人民政府，市属开发区管委会，市政府各部门、直属机构：",
            "市人民政府决定，任命：",
            "吴杨为聊城市行政审批服务局副局长（试用期一年）；",
            "崔庆芳为聊城市铁路机场规划建设中心主任。",
            "免去：",
            "李玉静的聊城市扶贫开发办公室副主任职务。",
            "聊城市人民政府",
            "2019年8月23日",
        ];
        Assert.Equal(
            "市人民政府决定，任命：吴杨为聊城市行政审批服务局副局长（试用期一年）；崔庆芳为聊城市铁路机场规划建设中心主任。免去：李玉静的聊城市扶贫开发办公室副主任职务。",
            SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void PersonnelListWithTheDecisionOnALineOfItsOwn()
    {
        // Another city's 任免名单: 决定： alone, appointment lines without colons.
        string[] paragraphs =
        [
            "德州市人民政府决定：",
            "任命张三为德州市发展和改革委员会副主任；",
            "免去李四的德州市财政局副局长职务。",
        ];
        Assert.Equal("德州市人民政府决定：任命张三为德州市发展和改革委员会副主任；免去李四的德州市财政局副局长职务。", SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void ReplyStartsFromItsDecisionSentence()
    {
        // A 批复 in the usual shape: acknowledgement, then 现批复如下： and numbered points.
        string[] paragraphs =
        [
            "市自然资源和规划局：",
            "你局《关于调整城区控制性详细规划的请示》（聊自然资规字〔2022〕15号）收悉。经研究，现批复如下：",
            "一、同意调整城区控制性详细规划。",
            "二、请你局严格按照批准的规划实施管理。",
        ];
        Assert.Equal("经研究，现批复如下：同意调整城区控制性详细规划；请你局严格按照批准的规划实施管理。", SummaryBuilder.Build(paragraphs));
    }

    [Fact]
    public void TextWithoutPurposeOrHeadingsFallsBackToItsFirstSentence()
    {
        string[] paragraphs =
        [
            "各县（市、区）人民政府，市属开发区管委会，市政府有关部门：",
            "经市政府研究，同意聊城市城市管理局机构名称调整。调整后的职责按有关规定执行。",
        ];
        Assert.Equal("经市政府研究，同意聊城市城市管理局机构名称调整。", SummaryBuilder.Build(paragraphs));
        Assert.Equal("聊城市人民政府大事记", SummaryBuilder.Build(["聊城市人民政府大事记"]));
    }

    [Fact]
    public void EmptyInputGivesEmptySummary()
    {
        Assert.Equal("", SummaryBuilder.Build([]));
        Assert.Equal("", SummaryBuilder.Build(["", "   ", "\n"]));
    }

    [Theory]
    [InlineData("一、")]
    [InlineData("第一章")]
    [InlineData("为")]
    [InlineData("：")]
    [InlineData("（上接第3页）")]
    [InlineData("1日，")]
    public void OddParagraphsDoNotThrow(string paragraph)
    {
        var s = SummaryBuilder.Build([paragraph, paragraph]);
        Assert.NotNull(s);
    }
}
