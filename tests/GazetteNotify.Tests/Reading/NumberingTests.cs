using GazetteNotify.Parsing.Body;

namespace GazetteNotify.Tests.Reading;

public class NumberingTests
{
    [Theory]
    [InlineData("第一章 总 则", 0, "第一章")]
    [InlineData("第 二 章 门诊统筹保障待遇", 0, "第二章")]
    [InlineData("第三部分 重点任务", 0, "第三部分")]
    [InlineData("一、加大财税金融支持力度", 1, "一")]
    [InlineData("十二、附则", 1, "十二")]
    [InlineData("（一）坚持全面放开。全面放开城镇落户限制", 2, "（一）")]
    [InlineData("(三) 坚持动态平衡。", 2, "（三）")]
    [InlineData("第十八条 本办法自2022年8月1日起施行", 3, "第十八条")]
    [InlineData("1. 依法全面落实新的组合式税费支持政策。", 3, "1")]
    [InlineData("23.统筹发展和安全。", 3, "23")]
    [InlineData("2、因违规被终止", 3, "2")]
    [InlineData("（1）围绕全市新旧动能转换重大工程做好公开", 4, "（1）")]
    [InlineData("(5) 取消征占地面积不足 0.5 公顷", 4, "（5）")]
    [InlineData("1.1 编制目的", 4, "1.1")]
    [InlineData("8.3 预案实施时间", 4, "8.3")]
    [InlineData("2.1.3 专家组", 5, "2.1.3")]
    [InlineData("①内科：有3个以上专业组", 5, "①")]
    public void Reads_the_level_and_item_of_a_numbered_paragraph(string paragraph, int level, string item)
    {
        var token = Numbering.Read(paragraph);
        Assert.NotNull(token);
        Assert.Equal(level, token.Value.Level);
        Assert.Equal(item, token.Value.Item);
    }

    [Theory]
    [InlineData("为认真贯彻落实党中央、国务院决策部署")]
    [InlineData("2022年6月6日")]
    [InlineData("2.5亿元用于")]
    [InlineData("1.5万户")]
    [InlineData("（以下简称“职工医保”）")]
    [InlineData("第一时间接待")]
    [InlineData("一律不准开工建设")]
    [InlineData("")]
    public void Prose_is_not_numbered(string paragraph) => Assert.Null(Numbering.Read(paragraph));

    [Theory]
    [InlineData("4日，“2022惠享山东消费年”", true)]
    [InlineData("7—8日，省政协主席葛慧君在聊城调研", true)]
    [InlineData("30日-31日，省督查调研组来聊", true)]
    [InlineData("△市委副书记、代市长张百顺主持召开", true)]
    [InlineData("附件：干部助企远航行动企业名单（第一批）", true)]
    [InlineData("2，3", false)]
    [InlineData("日内拨付到位。", false)]
    public void Blocks_that_never_join_the_line_above(string line, bool startsBlock) =>
        Assert.Equal(startsBlock, Numbering.StartsBlock(line));
}
