using GazetteNotify.Parsing.References;

namespace GazetteNotify.Tests.Metadata;

public class ReferenceFinderTests
{
    [Fact]
    public void ListsCitationsInOrderOfFirstMention()
    {
        // 2018-07 聊政办发〔2018〕17号, 第一条.
        const string text =
            "第一条 为深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，认真贯彻落实《中共中央 国务院关于加强耕地保护和改进占补平衡的意见》（中发〔2017〕4号）、" +
            "《中共山东省委 山东省人民政府关于加强耕地保护和改进占补平衡的实施意见》（鲁发〔2018〕6号）、《山东省政府办公厅关于印发〈市级政府耕地保护责任目标考核办法〉的通知》" +
            "（鲁政办发〔2018〕20号）和《中共聊城市委 聊城市人民政府关于印发〈加强耕地保护和改进占补平衡的贯彻落实方案〉的通知》（聊发〔2018〕17号），坚持最严格的耕地保护制度。";
        Assert.Equal(["中发〔2017〕4号", "鲁发〔2018〕6号", "鲁政办发〔2018〕20号", "聊发〔2018〕17号"], ReferenceFinder.FindAll(text, "聊政办发〔2018〕17号"));
    }

    [Fact]
    public void LeavesOutTheDocumentsOwnNumberInAnyBracketStyle()
    {
        // 2022-06 聊政办字〔2022〕26号: the header repeats its own number.
        const string text =
            "聊政办字〔2022〕26号\n\n第一条 为进一步健全互助共济、责任共担的职工基本医疗保险制度，根据《山东省人民政府办公厅关于印发山东省建立健全职工基本医疗保险门诊共济保障机制实施方案的通知》" +
            "（鲁政办发〔2021〕22号）要求，现结合我市实际，制定本实施细则。";
        Assert.Equal(["鲁政办发〔2021〕22号"], ReferenceFinder.FindAll(text, "聊政办字[2022]26号"));
        Assert.Equal(["聊政办字〔2022〕26号", "鲁政办发〔2021〕22号"], ReferenceFinder.FindAll(text, null));
    }

    [Fact]
    public void NamesEachNumberOnce()
    {
        // 2019-08 聊政发〔2019〕12号 cites 聊政办字〔2016〕71号 in its text and again in its task table.
        const string text =
            "各类经济开发区、工业园区按照《聊城市人民政府办公室关于开展建设项目区域化评估评审工作的通知》（聊政办字〔2016〕71号）规定，系统推开区域评估工作。\n" +
            "根据《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）有关要求。\n" +
            "30\t实行区域评估\t各类经济开发区、工业园区按照《聊城市人民政府办公室关于开展建设项目区域化评估评审工作的通知》（聊政办字〔2016〕71号）规定。";
        Assert.Equal(["聊政办字〔2016〕71号", "国办发〔2019〕11号"], ReferenceFinder.FindAll(text, "聊政发〔2019〕12号"));
    }

    [Theory]
    [InlineData("见《通知》（鲁政发〔2023〕9号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（鲁政发[2023]9号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（鲁政发【2023】9号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（鲁政发［2023］9号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》(鲁政发(2023)9号)", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（鲁政发（2023）9号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（鲁政发 〔 2023 〕 9 号）", "鲁政发〔2023〕9号")]
    [InlineData("见《通知》（国办发〔2019〕011号）", "国办发〔2019〕11号")]
    // A line wrap inside the citation's brackets (2019-08 聊政办字〔2019〕30号).
    [InlineData("《山东省人民政府办公厅印发〈关于聚焦企业和群众关切深化“一窗受理·一次办好”改革的措施〉的通知》（鲁政\n办字〔2019〕83号）精神", "鲁政办字〔2019〕83号")]
    // Cited without brackets, right after a verb.
    [InlineData("按照国办发〔2019〕11号文件要求", "国办发〔2019〕11号")]
    [InlineData("根据鲁政字〔2020〕5号和聊政发〔2021〕3号的规定", "鲁政字〔2020〕5号|聊政发〔2021〕3号")]
    public void NormalisesNumbers(string text, string expected) =>
        Assert.Equal(expected.Split('|'), ReferenceFinder.FindAll(text, null));

    [Theory]
    // Orders and regulations are not 发文字号 (2022-06 聊政办字〔2022〕22号, 第一条).
    [InlineData("根据国务院《居住证暂行条例》（国令第663号）、《山东省流动人口服务管理暂行办法》（省政府令第306号）等有关法律、法规，制定本办法。")]
    [InlineData("《社会救助暂行办法》（国务院令第649号）")]
    [InlineData("2022年第6期（总第231期）")]
    [InlineData("")]
    public void FindsNoNumbers(string text) => Assert.Empty(ReferenceFinder.FindAll(text, null));
}
