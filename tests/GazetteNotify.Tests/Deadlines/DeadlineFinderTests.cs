using System.Globalization;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Deadlines;

/// <summary>
/// Expected dates are worked out from the calendar (month lengths, leap years, the roll-forward rule), never copied
/// from the finder's output. Anchors are signing dates (成文日期).
/// </summary>
public sealed class DeadlineFinderTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // ── Month limits, anchor's year (same month stays in its year) ──
    [InlineData("加快债券支出进度，6月底前基本发行完毕。", "2022-06-06", "6月底前", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("对中小企业账款，8月底前基本使用到位。", "2022-06-06", "8月底前", "2022-08-31", DeadlineKind.Deadline)]
    [InlineData("（责任单位：市行政审批局；完成时限：8月底）", "2019-08-06", "8月底", "2019-08-31", DeadlineKind.Deadline)]
    [InlineData("（责任单位：市委编办；完成时限：8 月底）", "2019-08-06", "8 月底", "2019-08-31", DeadlineKind.Deadline)]
    [InlineData("减免租金 3 个月，原则上于 6 月底前减免完成。", "2022-06-06", "6 月底前", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("制定化工园区整治方案（9月15日前）。", "2018-07-13", "9月15日前", "2018-09-15", DeadlineKind.Deadline)]
    [InlineData("10月底前对我市中介服务市场进行评估。", "2019-08-06", "10月底前", "2019-10-31", DeadlineKind.Deadline)]
    [InlineData("向省申请APP功能开发，12月底前，推出至少一个政务服务应用。", "2019-08-06", "12月底前", "2019-12-31", DeadlineKind.Deadline)]
    [InlineData("各县（市、区）要于十二月底前报送总结。", "2022-06-06", "十二月底前", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("请于９月１５日前报送市政府办公室。", "2022-06-06", "９月１５日前", "2022-09-15", DeadlineKind.Deadline)]
    [InlineData("请于7月31日以前报送。", "2022-06-06", "7月31日以前", "2022-07-31", DeadlineKind.Deadline)]
    [InlineData("请于12月31日前报送年度总结。", "2022-12-20", "12月31日前", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("11月底前完成集中整治。", "2022-11-20", "11月底前", "2022-11-30", DeadlineKind.Deadline)]
    [InlineData("6月中旬前完成摸底。", "2022-06-06", "6月中旬前", "2022-06-20", DeadlineKind.Deadline)]
    [InlineData("7月上旬前报送方案。", "2022-06-06", "7月上旬前", "2022-07-10", DeadlineKind.Deadline)]
    [InlineData("9月底之前完成验收。", "2022-06-06", "9月底之前", "2022-09-30", DeadlineKind.Deadline)]
    [InlineData("力争 6 月底确定各县（市、区）煤电机组更新改造方案。", "2022-06-06", "6 月底", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("本月底前报送自查报告。", "2022-02-10", "本月底前", "2022-02-28", DeadlineKind.Deadline)]
    // ── Roll-forward: a month already past at the anchor is next year's ──
    [InlineData("3月底前完成全部整改。", "2022-11-20", "3月底前", "2023-03-31", DeadlineKind.Deadline)]
    [InlineData("2月底前上报考核结果。", "2022-06-01", "2月底前", "2023-02-28", DeadlineKind.Deadline)]
    [InlineData("2月底前上报考核结果。", "2023-06-01", "2月底前", "2024-02-29", DeadlineKind.Deadline)]
    [InlineData("一季度完成项目选址。", "2022-11-20", "一季度", "2023-03-31", DeadlineKind.Deadline)]
    [InlineData("上半年完成县级自评。", "2022-08-01", "上半年", "2023-06-30", DeadlineKind.Deadline)]
    // ── Explicit years ──
    [InlineData("各县（市、区）于2022年8月31日前报送。", "2022-06-06", "2022年8月31日前", "2022-08-31", DeadlineKind.Deadline)]
    [InlineData("各县（市、区）于2022 年 8 月 31 日前报送。", "2022-06-06", "2022 年 8 月 31 日前", "2022-08-31", DeadlineKind.Deadline)]
    [InlineData("市属开发区管委会\t2019年8月底", "2019-08-06", "2019年8月底", "2019-08-31", DeadlineKind.Deadline)]
    [InlineData("按照省统一部署，2019年8月底前，组织指导市、县两级开展评价。", "2019-08-06", "2019年8月底前", "2019-08-31", DeadlineKind.Deadline)]
    [InlineData("2020年2月底前完成第二轮评价。", "2019-08-06", "2020年2月底前", "2020-02-29", DeadlineKind.Deadline)]
    [InlineData("2021年2月底前完成第三轮评价。", "2019-08-06", "2021年2月底前", "2021-02-28", DeadlineKind.Deadline)]
    [InlineData("二〇二二年六月底前完成。", "2022-05-10", "二〇二二年六月底前", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("２０２２年１０月底前完成。", "2022-05-10", "２０２２年１０月底前", "2022-10-31", DeadlineKind.Deadline)]
    [InlineData("于2022年9月底前完成整改。", "2022-06-06", "2022年9月底前", "2022-09-30", DeadlineKind.Deadline)]
    [InlineData("于2022年6月完成验收。", "2022-03-01", "2022年6月", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("到2023年6月，全面建成智慧医保平台。", "2022-06-06", "到2023年6月", "2023-06-30", DeadlineKind.Deadline)]
    [InlineData("整改期限至2022年12月31日止。", "2022-06-06", "至2022年12月31日止", "2022-12-31", DeadlineKind.Deadline)]
    // ── Year ends ──
    [InlineData("确保年底前完成建设任务。", "2019-08-06", "年底前", "2019-12-31", DeadlineKind.Deadline)]
    [InlineData("力争年底全部并网发电。", "2022-06-06", "年底", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("年末实现行政村全覆盖。", "2022-06-06", "年末", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("主要工作：要在年内完成门户网站相关改造。", "2018-07-13", "年内", "2018-12-31", DeadlineKind.Deadline)]
    [InlineData("今年内出台实施细则。", "2022-06-06", "今年内", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("今年底实现全覆盖。", "2022-06-06", "今年底", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("今年年底前要完成主动公开基本目录编制。", "2018-07-13", "今年年底前", "2018-12-31", DeadlineKind.Deadline)]
    [InlineData("确保实现到年底对本级政务公开工作人员轮训一遍。", "2018-07-13", "到年底", "2018-12-31", DeadlineKind.Deadline)]
    [InlineData("2022 年可自愿暂缓缴费，2023 年底前补缴。", "2022-06-20", "2023 年底前", "2023-12-31", DeadlineKind.Deadline)]
    [InlineData("2022年年底前，执行全省统一的门诊慢特病病种。", "2022-06-30", "2022年年底前", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("（四）中期评估（2021年年底以前）。", "2018-07-13", "2021年年底以前", "2021-12-31", DeadlineKind.Deadline)]
    [InlineData("确保到2023年年底，建立起更加完善的职工医保门诊统筹制度。", "2022-06-30", "到2023年年底", "2023-12-31", DeadlineKind.Deadline)]
    [InlineData("加快推动门诊慢特病跨省联网结算，到2022年底实现门诊慢特病跨省联网结算。", "2022-06-30", "到2022年底", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("2019年底前实现工程建设项目审批管理系统全覆盖。", "2019-08-06", "2019年底前", "2019-12-31", DeadlineKind.Deadline)]
    [InlineData("2022年内完成全部改造任务。", "2022-06-06", "2022年内", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("明年底前建成投用。", "2022-06-06", "明年底前", "2023-12-31", DeadlineKind.Deadline)]
    [InlineData("明年6月底前完成。", "2022-06-06", "明年6月底前", "2023-06-30", DeadlineKind.Deadline)]
    [InlineData("次年3月底前完成结算。", "2022-06-06", "次年3月底前", "2023-03-31", DeadlineKind.Deadline)]
    [InlineData("（三）组织实施（2018年10月至2025年年底）。", "2018-07-13", "2018年10月至2025年年底", "2025-12-31", DeadlineKind.Deadline)]
    // ── Halves and quarters ──
    [InlineData("上半年完成县级自评。", "2022-03-01", "上半年", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("下半年通过省级评估。", "2022-06-06", "下半年", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("上半年内完成招标。", "2022-03-01", "上半年内", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("2021年上半年完成县级自评和市级自评。", "2019-08-06", "2021年上半年", "2021-06-30", DeadlineKind.Deadline)]
    [InlineData("平台实现互联互通；2020 年上半年，基本建成全市统一的平台。", "2019-08-06", "2020 年上半年", "2020-06-30", DeadlineKind.Deadline)]
    [InlineData("一季度完成摸底调查。", "2022-01-10", "一季度", "2022-03-31", DeadlineKind.Deadline)]
    [InlineData("第一季度完成摸底调查。", "2022-01-10", "第一季度", "2022-03-31", DeadlineKind.Deadline)]
    [InlineData("一季度末完成全部招标。", "2022-02-01", "一季度末", "2022-03-31", DeadlineKind.Deadline)]
    [InlineData("一季度前完成选址。", "2022-01-05", "一季度前", "2022-03-31", DeadlineKind.Deadline)]
    [InlineData("二季度完成设备安装。", "2022-04-01", "二季度", "2022-06-30", DeadlineKind.Deadline)]
    [InlineData("三季度末完成联调联试。", "2022-06-06", "三季度末", "2022-09-30", DeadlineKind.Deadline)]
    [InlineData("第四季度完成竣工验收。", "2022-06-06", "第四季度", "2022-12-31", DeadlineKind.Deadline)]
    [InlineData("2023年第一季度完成竣工验收。", "2022-06-06", "2023年第一季度", "2023-03-31", DeadlineKind.Deadline)]
    // ── Goal years ──
    [InlineData("到2025年，全市城镇人口密集区危险化学品生产企业搬迁改造全部完成。", "2018-07-13", "到2025年", "2025-12-31", DeadlineKind.Target)]
    [InlineData("到2020年,实现人人基本享有中医药服务。", "2018-07-13", "到2020年", "2020-12-31", DeadlineKind.Target)]
    [InlineData("稳步提高居民普通门诊保障水平，到2025年，普通门诊报销额度提高至300元。", "2022-06-30", "到2025年", "2025-12-31", DeadlineKind.Target)]
    [InlineData("至2030年，基本建成现代化城市。", "2022-06-06", "至2030年", "2030-12-31", DeadlineKind.Target)]
    [InlineData("到 2030 年，全面实现。", "2022-06-06", "到 2030 年", "2030-12-31", DeadlineKind.Target)]
    [InlineData("2025年前全面完成老旧小区改造。", "2022-06-06", "2025年前", "2025-12-31", DeadlineKind.Target)]
    [InlineData("2025年以前建成区域医疗中心。", "2022-06-06", "2025年以前", "2025-12-31", DeadlineKind.Target)]
    // ── Counted from an event ──
    [InlineData("明确补助对象和金额的3个工作日内拨付到位。", "2022-06-06", "3个工作日内", null, DeadlineKind.Relative)]
    [InlineData("用地审查时间压缩到 10 个工作日内。", "2022-06-06", "10 个工作日内", null, DeadlineKind.Relative)]
    [InlineData("应当自变动之日起3日内，持居住地住址证明办理变更。", "2022-06-14", "3日内", null, DeadlineKind.Relative)]
    [InlineData("评估报告在事件结束后15天内报本级政府。", "2018-07-13", "15天内", null, DeadlineKind.Relative)]
    [InlineData("签订后土地竞得人应在 1 个月内缴纳出让价款。", "2022-06-06", "1 个月内", null, DeadlineKind.Relative)]
    [InlineData("发现问题的，应在6个月内完成整改。", "2022-06-06", "6个月内", null, DeadlineKind.Relative)]
    [InlineData("受理后一年内办结。", "2022-06-06", "一年内", null, DeadlineKind.Relative)]
    [InlineData("发生突发事件后24小时内报告。", "2022-06-06", "24小时内", null, DeadlineKind.Relative)]
    [InlineData("对转办的投诉问题两个工作日内答复。", "2022-06-06", "两个工作日内", null, DeadlineKind.Relative)]
    [InlineData("收到材料后30日以内作出决定。", "2022-06-06", "30日以内", null, DeadlineKind.Relative)]
    [InlineData("在规划期结束后次年的2月底前向市政府报送自查报告。", "2018-07-25", "次年的2月底前", null, DeadlineKind.Relative)]
    [InlineData("于期中检查年的3月底前上报省考核部门。", "2018-07-25", "3月底前", null, DeadlineKind.Relative)]
    [InlineData("次月10日前报送上月数据。", "2022-06-06", "次月10日前", null, DeadlineKind.Relative)]
    // ── Recurring ──
    [InlineData("每季度将督查结果向全市通报。", "2018-07-13", "每季度", null, DeadlineKind.Recurring)]
    [InlineData("每半年向市政府报告一次工作进展。", "2022-06-06", "每半年", null, DeadlineKind.Recurring)]
    [InlineData("每月10日前报送上月数据。", "2022-06-06", "每月10日前", null, DeadlineKind.Recurring)]
    [InlineData("第九条 各县级政府要于每年2月底前向市政府报送上一年度自查情况报告。", "2018-07-25", "每年2月底前", null, DeadlineKind.Recurring)]
    [InlineData("每月底前报送工作进展。", "2022-06-06", "每月底前", null, DeadlineKind.Recurring)]
    [InlineData("每年3月底前上报年度报告。", "2022-06-06", "每年3月底前", null, DeadlineKind.Recurring)]
    [InlineData("每月5日前报送统计报表。", "2022-06-06", "每月5日前", null, DeadlineKind.Recurring)]
    [InlineData("各县（市、区）政府要在每年7月底前公开招生范围。", "2018-07-13", "每年7月底前", null, DeadlineKind.Recurring)]
    [InlineData("每周五前报送本周动态。", "2022-06-06", "每周五前", null, DeadlineKind.Recurring)]
    [InlineData("每季度末报送季度报表。", "2022-06-06", "每季度末", null, DeadlineKind.Recurring)]
    public void FindsOneLimit(string sentence, string anchor, string text, string? date, DeadlineKind kind)
    {
        var found = Assert.Single(DeadlineFinder.FindAll(sentence, Day(anchor)));
        Assert.Equal(text, found.Text);
        Assert.Equal(date is null ? null : Day(date), found.Date);
        Assert.Equal(kind, found.Kind);
    }

    [Theory]
    // Sentence year: the nearest year written earlier in the same sentence, not the anchor's.
    [InlineData("2021年上半年完成县级自评和市级自评，下半年通过省级评估；2022年通过国家评估。", "2019-08-06", "下半年", "2021-12-31")]
    [InlineData("2022年安排专项资金支持，3月底前拨付到位。", "2022-11-20", "3月底前", "2022-03-31")]
    [InlineData("2024年重点推进城市更新，2月底前完成计划编制。", "2022-06-06", "2月底前", "2024-02-29")]
    [InlineData("明年全面推开，6月底前完成试点总结。", "2022-06-06", "6月底前", "2023-06-30")]
    // A year inside 《》 names a title; a year in an earlier sentence is not this sentence's.
    [InlineData("根据《2019年全市营商环境评价工作方案》，10月底前完成评价。", "2020-03-01", "10月底前", "2020-10-31")]
    [InlineData("2019年完成试点。12月底前在全市推开。", "2020-03-01", "12月底前", "2020-12-31")]
    public void TakesTheYearOfItsSentence(string sentence, string anchor, string text, string date)
    {
        var found = DeadlineFinder.FindAll(sentence, Day(anchor));
        var limit = Assert.Single(found, d => d.Text == text);
        Assert.Equal(Day(date), limit.Date);
        Assert.Equal(DeadlineKind.Deadline, limit.Kind);
    }

    [Theory]
    // Validity and start dates.
    [InlineData("本办法自2022年8月1日起施行，有效期至2025年7月31日。")]
    [InlineData("本细则自2023年1月1日起施行。")]
    [InlineData("本方案自2022年8月1日起执行。")]
    [InlineData("2023年1月起，单位缴纳的基本医疗保险费计入在职职工个人账户部分调减到现行标准的50%。")]
    [InlineData("本制度自印发之日起施行，由市政府办公室负责解释。")]
    [InlineData("其中养老保险费缓缴实施期限到 2022 年年底。")]
    [InlineData("本办法有效期延长至2023年12月31日。")]
    [InlineData("本政策自2023年底起执行。")]
    [InlineData("施行前已发放的居住证，在有效期内继续有效。")]
    // Dates of past events and signature lines.
    [InlineData("2022年6月6日")]
    [InlineData("二〇二二年六月六日")]
    [InlineData("2008年6月2日由市政府印发的《聊城市耕地保护责任目标考核办法》同时废止。")]
    [InlineData("6月完成了全部改造任务。")]
    [InlineData("截至2021年底，全市共有市场主体30万户。")]
    [InlineData("1至5月，全市完成固定资产投资增长8%。")]
    [InlineData("2022年1月1日至5月31日，全市累计办理业务10万件。")]
    // Years in names.
    [InlineData("关于印发聊城市加快推进“互联网+政务服务”工作三年行动计划（2019—2021年）的通知")]
    [InlineData("对受影响较大的行业，申报2022年市级专项资金时，适当降低项目经营效益等门槛要求。")]
    [InlineData("各地要做好2021年度考核工作。")]
    [InlineData("规划期为2021年至2035年。")]
    [InlineData("首贷户数不低于上年水平。")]
    // Durations and frequencies that are not limits.
    [InlineData("企业缓缴期至少6个月。")]
    [InlineData("证明有效期5年。")]
    [InlineData("服务专员驻企时间为1年。")]
    [InlineData("第九条 居住证每年签注1次。")]
    [InlineData("形成问题清单，每月专题会商、现场解决。")]
    [InlineData("医保经办机构按月或按季度进行结算。")]
    [InlineData("近3年内发生特大、重大医疗事故的，不予确认。")]
    [InlineData("有健全完善的医疗服务管理制度，三个月内未发生医疗事故。")]
    [InlineData("霍乱在我市行政区域内流行，1周内发病30例以上。")]
    // Periods used as nouns, cumulative and approximate periods.
    [InlineData("研究分析上半年经济运行情况，安排部署下半年重点工作。")]
    [InlineData("全力冲刺上半年既定目标。")]
    [InlineData("切实把我市二季度经济稳住。")]
    [InlineData("上半年以来，全市经济运行稳中向好。")]
    [InlineData("2022年前三季度全市经济运行稳中向好。")]
    [InlineData("力争2025年前后建成。")]
    // Impossible and past.
    [InlineData("2月30日前完成。")]
    [InlineData("到2020年，实现人人享有基本医疗服务。")]
    [InlineData("8月底后再行安排。")]
    public void FindsNothing(string sentence)
    {
        Assert.Empty(DeadlineFinder.FindAll(sentence, new DateOnly(2022, 6, 6)));
    }

    [Fact]
    public void Sample202206Item2HasTwoCountsAndTwoMonthEnds()
    {
        // liaocheng-2022-06.txt, 聊政发〔2022〕…, signed 2022-06-06 (the page break inside 10个工作⏎日内 joined).
        const string paragraph =
            "2. 依法加快涉企资金兑付进度。省级及以上资金，明确补助对象和金额的3个工作日内拨付到位，未明确补助对象和金额的10个工作日内拨付到位。" +
            "加快债券支出进度，6月底前基本发行完毕，8月底前基本使用到位。对受影响较大的行业，申报2022年市级专项资金时，适当降低项目经营效益等门槛要求。" +
            "（责任单位：市财政局、市发展改革委、市工业和信息化局、市科技局、市农业农村局、市文化和旅游局等）";
        var found = DeadlineFinder.FindAll(paragraph, new DateOnly(2022, 6, 6));
        Assert.Equal(
            [
                new Deadline("3个工作日内", null, DeadlineKind.Relative),
                new Deadline("10个工作日内", null, DeadlineKind.Relative),
                new Deadline("6月底前", new DateOnly(2022, 6, 30), DeadlineKind.Deadline),
                new Deadline("8月底前", new DateOnly(2022, 8, 31), DeadlineKind.Deadline),
            ],
            found);
    }

    [Fact]
    public void Sample202206SocialInsuranceParagraphSkipsThePolicyPeriod()
    {
        const string paragraph =
            "其中养老保险费缓缴实施期限到 2022 年年底，工伤、失业保险费缓缴期限不超过 1 年，缓缴期间免收滞纳金。" +
            "以个人身份参加企业职工基本养老保险的个体工商户和各类灵活就业人员，2022 年可自愿暂缓缴费，2023 年底前补缴。";
        var found = DeadlineFinder.FindAll(paragraph, new DateOnly(2022, 6, 6));
        Assert.Equal([new Deadline("2023 年底前", new DateOnly(2023, 12, 31), DeadlineKind.Deadline)], found);
    }

    [Fact]
    public void Sample202206EnergyParagraph()
    {
        const string paragraph =
            "力争华能聊城高唐风电 100MW 项目、聊城市城市生活垃圾焚烧发电项目年底前并网。力争 6 月底确定各县（市、区）煤电机组更新改造方案。";
        var found = DeadlineFinder.FindAll(paragraph, new DateOnly(2022, 6, 6));
        Assert.Equal(
            [
                new Deadline("年底前", new DateOnly(2022, 12, 31), DeadlineKind.Deadline),
                new Deadline("6 月底", new DateOnly(2022, 6, 30), DeadlineKind.Deadline),
            ],
            found);
    }

    [Fact]
    public void Sample201908Item29HasTwoExplicitMonthEnds()
    {
        const string paragraph =
            "29. 开展营商环境评价。对照世界银行、国家营商环境评价指标，健全营商环境评价体系，进一步提高评价精准度。" +
            "加强与省发展改革委联系沟通，按照省营商环境评价标准，尽快制定我市营商环境评价实施方案，抓好方案宣传、解读和培训，" +
            "2019年8月底和2020年2月底前，开展市县两级营商环境评价并将结果对外公布，倒逼全市营商环境改善。（牵头单位：市发展改革委）";
        var found = DeadlineFinder.FindAll(paragraph, new DateOnly(2019, 8, 6));
        Assert.Equal(
            [
                new Deadline("2019年8月底", new DateOnly(2019, 8, 31), DeadlineKind.Deadline),
                new Deadline("2020年2月底前", new DateOnly(2020, 2, 29), DeadlineKind.Deadline),
            ],
            found);
    }

    [Fact]
    public void Sample201908GoalParagraphResolvesTheSecondHalfToTheSentenceYear()
    {
        const string paragraph =
            "（二）建设目标。无疫区建设分4年完成，全市行政区域达到国家规定的免疫无口蹄疫区和无高致病性禽流感区建设标准。" +
            "2021年上半年完成县级自评和市级自评，下半年通过省级评估；2022年通过国家评估。";
        var found = DeadlineFinder.FindAll(paragraph, new DateOnly(2019, 8, 6));
        Assert.Equal(
            [
                new Deadline("2021年上半年", new DateOnly(2021, 6, 30), DeadlineKind.Deadline),
                new Deadline("下半年", new DateOnly(2021, 12, 31), DeadlineKind.Deadline),
            ],
            found);
    }

    [Fact]
    public void Sample201807FarmlandArticles()
    {
        const string article14 =
            "第十四条 各县级政府按照本办法和考核部门期末考核工作要求开展自查，在规划期结束后次年的2月底前向市政府报送耕地保护责任目标任务完成情况自查报告，并抄送考核部门。";
        const string article9 = "第九条 各县级政府要于每年2月底前向市政府报送上一年度自查情况报告。";
        var anchor = new DateOnly(2018, 7, 25);
        Assert.Equal([new Deadline("次年的2月底前", null, DeadlineKind.Relative)], DeadlineFinder.FindAll(article14, anchor));
        Assert.Equal([new Deadline("每年2月底前", null, DeadlineKind.Recurring)], DeadlineFinder.FindAll(article9, anchor));
    }

    [Fact]
    public void Sample202206ValidityArticleYieldsNothing()
    {
        const string article = "第二十条 本办法自2022年8月1日起施行，有效期至2025年7月31日。本办法施行前已发放的居住证，在有效期内继续有效。";
        Assert.Empty(DeadlineFinder.FindAll(article, new DateOnly(2022, 6, 14)));
    }

    [Fact]
    public void ARangeOfDatesEndsAtItsEnd()
    {
        var found = DeadlineFinder.FindAll("2022年6月底至2022年8月底开展专项整治行动。", new DateOnly(2022, 6, 6));
        Assert.Equal([new Deadline("2022年6月底至2022年8月底", new DateOnly(2022, 8, 31), DeadlineKind.Deadline)], found);
    }

    [Fact]
    public void AYearlessRangeEndTakesTheYearOfItsStart()
    {
        var found = DeadlineFinder.FindAll("专项行动自2023年1月至6月底前完成。", new DateOnly(2022, 11, 20));
        Assert.Equal([new Deadline("2023年1月至6月底前", new DateOnly(2023, 6, 30), DeadlineKind.Deadline)], found);
    }

    [Fact]
    public void NothingFoundReturnsTheSharedEmptyList()
    {
        // Allocation figures belong to the benchmarks (tests/GazetteNotify.Benchmarks); here only the behaviour.
        const string plain = "加强组织领导，压实工作责任，确保各项任务落到实处。";
        const string dated = "聊城市人民政府 2022年6月6日";
        var anchor = new DateOnly(2022, 6, 6);
        Assert.Same(DeadlineFinder.FindAll(plain, anchor), DeadlineFinder.FindAll(dated, anchor));
        Assert.Same(DeadlineFinder.FindAll("", anchor), DeadlineFinder.FindAll(plain, anchor));
        Assert.Empty(DeadlineFinder.FindAll(plain, anchor));
    }

    [Fact]
    public void NeverThrowsOnNoiseAndOnlyReturnsValidResults()
    {
        const string alphabet = "0123456789０１２３４５６７８９〇一二三四五六七八九十两年月日号底末前内以之至到每季度上下半第个工作天周今明次的旬中止，。 —";
        var random = new Random(20220606);
        var buffer = new char[40];
        for (var i = 0; i < 20000; i++)
        {
            var length = random.Next(buffer.Length + 1);
            for (var j = 0; j < length; j++) buffer[j] = alphabet[random.Next(alphabet.Length)];
            var text = new string(buffer, 0, length);
            var anchor = new DateOnly(random.Next(1, 10000), random.Next(1, 13), random.Next(1, 29));
            foreach (var found in DeadlineFinder.FindAll(text, anchor))
            {
                Assert.Contains(found.Text, text, StringComparison.Ordinal);
                Assert.Equal(found.Kind is DeadlineKind.Deadline or DeadlineKind.Target, found.Date is not null);
            }
        }
    }

    [Fact]
    public void EverySampleParagraphYieldsWellFormedResults()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var total = 0;
        foreach (var file in Directory.GetFiles(samples, "*.txt"))
        {
            foreach (var line in File.ReadLines(file))
            {
                foreach (var found in DeadlineFinder.FindAll(line, new DateOnly(2020, 1, 1)))
                {
                    Assert.Contains(found.Text, line, StringComparison.Ordinal);
                    Assert.Equal(found.Text.Trim(), found.Text);
                    total++;
                }
            }
        }

        Assert.True(total > 100, $"only {total} limits in three issues");
    }
}
