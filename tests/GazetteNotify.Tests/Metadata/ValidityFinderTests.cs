using GazetteNotify.Parsing.Validity;

namespace GazetteNotify.Tests.Metadata;

public class ValidityFinderTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>text, signed date (yyyy-MM-dd or null), expected from, until, sentence.</summary>
    public static TheoryData<string, string?, string?, string?, string> Effective => new()
    {
        // 2022-06 聊政办字〔2022〕22号, 第十八条.
        {
            "第十七条 在本市居住的外国人，无国籍人，香港、澳门特别行政区居民，台湾地区居民等的居住登记及证件管理，按照国家和本市有关规定执行。\n\n第十八条 本办法自2022年8月1日起施行，有效期至2025年7月31日。本办法施行前已发放的居住证，在有效期内继续有效。\n\n聊城市人民政府办公室",
            "2022-06-20", "2022-08-01", "2025-07-31", "本办法自2022年8月1日起施行，有效期至2025年7月31日。"
        },
        // 2019-08 聊医保发〔2019〕47号: PDF spacing inside the dates.
        {
            "第二十三条 本办法自 2019 年 9 月 1 日起施行，有效期至 2022 年 8 月 31 日。原规定与本办法不符的，以本办法为准。如遇国家和省出台新的政策规定，按新政策执行。",
            null, "2019-09-01", "2022-08-31", "本办法自2019年9月1日起施行，有效期至2022年8月31日。"
        },
        // 2019-08 聊政办字〔2019〕31号: 自印发之日起 takes the signing date.
        {
            "（五）列席人员按照会议组织者安排列席有关议题。\n\n第十一条 本制度自印发之日起施行，由市政府办公室负责解释。",
            "2019-08-06", "2019-08-06", null, "本制度自印发之日起施行，由市政府办公室负责解释。"
        },
        // 2018-07 聊政办发〔2018〕14号: a numbered heading line before the sentence, and a repeal in the same sentence.
        {
            "本预案由市卫生和计划生育委员会负责解释。\n\n8.3 预案实施时间\n\n本预案自印发之日起实施，《聊城市人民政府办公室关于印发聊城市突发公共卫生事件应急预案的通知》（聊政办发〔2006〕71号）同时废止。",
            "2018-07-13", "2018-07-13", null,
            "本预案自印发之日起实施，《聊城市人民政府办公室关于印发聊城市突发公共卫生事件应急预案的通知》（聊政办发〔2006〕71号）同时废止。"
        },
        // 2022-06 聊政办字〔2022〕23号: the sentence follows a responsibility clause in brackets.
        {
            "确保户籍管理制度改革顺利推进。（市政府有关部门按照职责分工负责）\n\n本实施方案自2022年8月1日起执行。\n\n聊城市人民政府办公室",
            "2022-06-20", "2022-08-01", null, "本实施方案自2022年8月1日起执行。"
        },
        // 2018-07 聊政办发〔2018〕17号: a chapter heading line before the article.
        {
            "第六章 附则\n\n第十九条 县级人民政府应当根据本办法，结合本行政区域实际情况，制定下一级人民政府耕地保护责任目标考核办法。\n\n第二十条 本办法自印发之日起施行。2008年6月2日由市政府办公室印发的《聊城市县级政府耕地保护责任目标考核办法》同时废止。",
            "2018-07-25", "2018-07-25", null, "本办法自印发之日起施行。"
        },
        // 有效期5年: until = from + 5 years − 1 day.
        { "本意见自印发之日起施行，有效期5年。", "2022-06-06", "2022-06-06", "2027-06-05", "本意见自印发之日起施行，有效期5年。" },
        { "本通知自2023年1月1日起施行，有效期为五年。", null, "2023-01-01", "2027-12-31", "本通知自2023年1月1日起施行，有效期为五年。" },
        { "本办法自发布之日起施行，有效期到2025年12月31日。", "2021-03-15", "2021-03-15", "2025-12-31", "本办法自发布之日起施行，有效期到2025年12月31日。" },
        // Start and 有效期 in two adjacent sentences.
        { "第三十条 本规定自2020年3月1日起施行。本规定有效期至2025年2月28日。", null, "2020-03-01", "2025-02-28", "本规定自2020年3月1日起施行。本规定有效期至2025年2月28日。" },
        // Chinese numerals, a wrapped line, 年底, a range, the closing article governing.
        { "本办法自二〇二二年八月一日起施行。", null, "2022-08-01", null, "本办法自二〇二二年八月一日起施行。" },
        { "本办法自2022年8月\n1日起施行，有效期至2025年7月31日。", null, "2022-08-01", "2025-07-31", "本办法自2022年8月1日起施行，有效期至2025年7月31日。" },
        { "上述政策措施有效期至2023年底。", null, null, "2023-12-31", "上述政策措施有效期至2023年底。" },
        { "本方案执行期限为2022年1月1日至2024年12月31日。", null, "2022-01-01", "2024-12-31", "本方案执行期限为2022年1月1日至2024年12月31日。" },
        {
            "第五条 本细则第三条规定的补助标准自2022年7月1日起执行。\n第二十七条 本实施细则自2023年1月1日起施行。",
            "2022-06-30", "2023-01-01", null, "本实施细则自2023年1月1日起施行。"
        },
        { "本方案实施期限为2022—2025年。", null, "2022-01-01", "2025-12-31", "本方案实施期限为2022—2025年。" },
        { "本办法自2022年1月1日起施行；\n有效期至2026年12月31日。", null, "2022-01-01", "2026-12-31", "本办法自2022年1月1日起施行；有效期至2026年12月31日。" },
        { "各地要抓好落实。\n\n自2022年1月1日起施行。", null, "2022-01-01", null, "自2022年1月1日起施行。" },
        // Paragraph joining ran a numbered heading into the sentence; 基本 is not 本.
        {
            "8.2 制订与解释部门本预案由市卫生和计划生育委员会负责解释。\n8.3 预案实施时间本预案自印发之日起实施。",
            "2018-07-13", "2018-07-13", null, "本预案自印发之日起实施。"
        },
        { "基本医疗保险门诊统筹政策自2023年1月1日起执行。", null, "2023-01-01", null, "基本医疗保险门诊统筹政策自2023年1月1日起执行。" },
        // 自印发之日起 without a known signing date: the sentence, no dates.
        { "本通知自印发之日起执行。", null, null, null, "本通知自印发之日起执行。" },
        // 自印发之日起30日后施行.
        { "本规定自印发之日起30日后施行。", "2022-01-10", "2022-02-09", null, "本规定自印发之日起30日后施行。" },
    };

    [Theory]
    [MemberData(nameof(Effective))]
    public void FindsEffectivePeriod(string text, string? signedOn, string? from, string? until, string sentence)
    {
        var v = ValidityFinder.FindEffective(text, signedOn is null ? null : DateOnly.Parse(signedOn, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(v);
        Assert.Equal(from, v.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(until, v.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sentence, v.Text);
    }

    [Theory]
    // Nothing about validity.
    [InlineData("各县（市、区）要加强组织领导，确保各项工作落实到位。")]
    // Another document's commencement.
    [InlineData("《聊城市城市管理条例》自2021年1月1日起施行，各级各部门要认真贯彻执行。")]
    [InlineData("认真贯彻自2021年1月1日起施行的《中华人民共和国民法典》。")]
    // A task that starts on a date is not the document's validity.
    [InlineData("第八条 2022年年底前，执行全省统一的门诊慢特病基本病种目录。自2023年1月1日起执行全省统一的门诊慢特病基本病种目录。")]
    // A certificate's validity is not the document's (2018-07 聊政办发〔2018〕15号, 第十三条).
    [InlineData("第十三条 居民家庭经济状况核对工作实行动态管理，居民家庭经济状况核对信息证明有效期为1年。")]
    [InlineData("")]
    public void FindsNoEffectivePeriod(string text) =>
        Assert.Null(ValidityFinder.FindEffective(text, D(2022, 6, 20)));

    [Fact]
    public void ImpossibleDatesDoNotThrow()
    {
        Assert.Null(ValidityFinder.FindEffective("本办法自2022年2月30日起施行。", null));
        var v = ValidityFinder.FindEffective("本办法自2022年1月1日起施行，有效期至2025年13月1日。", null);
        Assert.NotNull(v);
        Assert.Equal(D(2022, 1, 1), v.From);
        Assert.Null(v.Until);
    }

    public static TheoryData<string, string?, string[]> Repeals => new()
    {
        // 2019-08 聊政发〔2019〕11号, closing line.
        {
            "（五）加强宣传推广。……（责任单位：市委宣传部、市委网信办、市大数据局）\n\n《聊城市人民政府办公室关于印发〈智慧聊城建设实施方案〉的通知》（聊政办字〔2016〕32号）同时停止实施。",
            "聊政发〔2019〕11号", ["聊政办字〔2016〕32号"]
        },
        // 2018-07 聊政办发〔2018〕14号.
        {
            "本预案自印发之日起实施，《聊城市人民政府办公室关于印发聊城市突发公共卫生事件应急预案的通知》（聊政办发〔2006〕71号）同时废止。",
            "聊政办发〔2018〕14号", ["聊政办发〔2006〕71号"]
        },
        // 2018-07 聊政办发〔2018〕17号: the repealed document has no number.
        {
            "第二十条 本办法自印发之日起施行。2008年6月2日由市政府办公室印发的《聊城市县级政府耕地保护责任目标考核办法》同时废止。",
            "聊政办发〔2018〕17号", []
        },
        // Two numbers, two bracket styles, one repeal.
        {
            "本意见自2023年1月1日起施行，《聊城市人民政府关于加快发展服务业的意见》（聊政发[2015]3号）和《聊城市人民政府办公室关于加强物流业发展的通知》（聊政办发(2017)12号）同时废止。",
            null, ["聊政发〔2015〕3号", "聊政办发〔2017〕12号"]
        },
        // A citing clause in the same sentence is not repealed.
        {
            "根据《国务院关于取消一批行政许可事项的决定》（国发〔2017〕46号），《聊城市建设项目审批管理办法》（聊政发〔2012〕8号）不再执行。",
            null, ["聊政发〔2012〕8号"]
        },
        // Own number excluded; 代替.
        {
            "本通知（聊政办字〔2022〕5号）代替《聊城市人民政府办公室关于规范公文处理的通知》（聊政办字〔2019〕7号）。",
            "聊政办字[2022]5号", ["聊政办字〔2019〕7号"]
        },
        // A list after 下列文件同时废止：, items as sentences of their own.
        {
            "本规定自2022年1月1日起施行，下列文件同时废止：\n1.《聊城市城市道路管理办法》（聊政发〔2010〕1号）。\n2.《聊城市城市绿化管理办法》（聊政办发〔2011〕2号）。\n\n聊城市人民政府",
            null, ["聊政发〔2010〕1号", "聊政办发〔2011〕2号"]
        },
        // A wrapped doc number inside the citation's brackets; the same number named twice.
        {
            "《山东省人民政府办公厅关于推进一窗受理的通知》（鲁政\n办字〔2019〕83号）停止执行，鲁政办字〔2019〕83号文件所附清单予以废止。",
            null, ["鲁政办字〔2019〕83号"]
        },
        // Citations without any repeal.
        {
            "为深化我市工程建设项目审批制度改革，根据《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）有关要求，制定本实施方案。",
            null, []
        },
        // 废止 with no number near it; a number elsewhere in the text is not pulled in.
        {
            "对相关规范性文件按照相关程序修改或者废止。\n\n依据《聊城市人民政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（聊政发〔2018〕21号），强化信用监管。",
            null, []
        },
    };

    [Theory]
    [MemberData(nameof(Repeals))]
    public void FindsRepealedNumbers(string text, string? own, string[] expected) =>
        Assert.Equal(expected, ValidityFinder.FindRepeals(text, own));
}
