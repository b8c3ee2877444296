using GazetteNotify.Topics;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Topics;

/// <summary>
/// Every sample document's topics, decided by reading the document (its title, purpose and measures), not by running
/// the classifier: the first is the main subject; the others listed must also be among its one to three topics.
/// </summary>
public class TopicClassifierTests
{
    public static TheoryData<string, int, string, string[]> Expected => new()
    {
        { Samples.Issue2018_07, 0, "land-energy", [] },                 // 关于严格土地管理的意见
        { Samples.Issue2018_07, 1, "health-sports", [] },               // 中医药振兴发展实施方案
        { Samples.Issue2018_07, 2, "science-education", [] },           // 城区初中教育优质均衡发展
        { Samples.Issue2018_07, 3, "market-safety", [] },               // 危险化学品生产企业搬迁改造（安全生产）
        { Samples.Issue2018_07, 4, "health-sports", [] },               // 突发公共卫生事件应急预案
        { Samples.Issue2018_07, 5, "civil-affairs", [] },               // 城乡居民家庭经济状况核对（社会救助）
        { Samples.Issue2018_07, 6, "general-affairs", [] },             // 全面推进政务公开
        { Samples.Issue2018_07, 7, "land-energy", [] },                 // 耕地保护责任目标考核
        { Samples.Issue2018_07, 8, "general-affairs", [] },             // 大事记
        { Samples.Issue2019_08, 0, "industry-transport", [] },          // 新型智慧城市建设（信息化）
        { Samples.Issue2019_08, 1, "urban-environment", ["general-affairs"] }, // 工程建设项目审批制度改革
        { Samples.Issue2019_08, 2, "agriculture", [] },                 // 无口蹄疫区和无高致病性禽流感区
        { Samples.Issue2019_08, 3, "general-affairs", [] },             // 一窗受理·一次办好改革
        { Samples.Issue2019_08, 4, "general-affairs", [] },             // 市民代表列席市政府常务会议
        { Samples.Issue2019_08, 5, "health-sports", [] },               // 基本医疗保险定点医药机构协议管理
        { Samples.Issue2019_08, 6, "labour-personnel", [] },            // 任免
        { Samples.Issue2019_08, 7, "general-affairs", [] },             // 大事记
        { Samples.Issue2022_06, 0, "economy", ["finance"] },            // 稳住经济运行（财税金融支持）
        { Samples.Issue2022_06, 1, "public-security-justice", [] },     // 居住证实施办法
        { Samples.Issue2022_06, 2, "public-security-justice", [] },     // 户籍管理制度改革
        { Samples.Issue2022_06, 3, "industry-transport", [] },          // 干部助企远航（制造业企业）
        { Samples.Issue2022_06, 4, "labour-personnel", [] },            // 劳动和社会保障监察管辖
        { Samples.Issue2022_06, 5, "health-sports", [] },               // 职工基本医疗保险门诊共济
        { Samples.Issue2022_06, 6, "general-affairs", [] },             // 大事记
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Sample_documents_get_the_topics_a_reader_gives_them(string sample, int index, string main, string[] also)
    {
        var document = Samples.Issue(sample).Documents[index];
        var topics = TopicClassifier.Default.Classify(document, Samples.Parse(sample).DocumentTexts[index]);

        Assert.InRange(topics.Count, 1, 3);
        Assert.Equal(main, topics[0]);
        foreach (var topic in also) Assert.Contains(topic, topics);
    }

    [Fact]
    public void The_taxonomy_has_stable_unique_ids_and_chinese_names()
    {
        var topics = TopicTaxonomy.Default.Topics;
        Assert.True(topics.Count >= 15);
        Assert.Equal(topics.Count, topics.Select(t => t.Id).Distinct().Count());
        Assert.All(topics, t => Assert.Matches("^[a-z]+(-[a-z]+)*$", t.Id));
        Assert.All(topics, t => Assert.NotEmpty(t.Keywords));
        Assert.Equal("财政、金融、审计", TopicTaxonomy.Default.Find("finance")?.Name);
    }

    [Fact]
    public void A_document_with_no_keyword_has_no_topic()
    {
        var blank = Samples.Issue(Samples.Issue2022_06).Documents[0] with { Title = "关于某事的通知", AttachmentTitle = null, Summary = "" };
        Assert.Empty(TopicClassifier.Default.Classify(blank, "现将有关事项通知如下。"));
    }
}
