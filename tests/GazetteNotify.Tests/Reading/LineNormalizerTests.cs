using System.Text;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Tests.Reading;

public class LineNormalizerTests
{
    [Theory]
    [InlineData("# 聊城市人民政府公报", "聊城市人民政府公报")]
    [InlineData("### ◎市政府文件", "◎市政府文件")]
    [InlineData("- 关于印发聊城市居住证实施办法的通知 ..... 7", "关于印发聊城市居住证实施办法的通知 ..... 7")]
    [InlineData("**(下转第6页)**", "(下转第6页)")]
    [InlineData("加大城镇教育、**（市公安局负责）**", "加大城镇教育、（市公安局负责）")]
    [InlineData("1\\. 依法全面落实", "1. 依法全面落实")]
    [InlineData("> 引用的一段", "引用的一段")]
    [InlineData("<p>制定实施工程建设项目中介服务</p>", "制定实施工程建设项目中介服务")]
    [InlineData("见[聊城市政府网](http://www.liaocheng.gov.cn)公告", "见聊城市政府网公告")]
    [InlineData("| 1 | 完成老旧小区改造 | 市住建局 |", "1\t完成老旧小区改造\t市住建局")]
    [InlineData("|---|---|---|", "")]
    [InlineData("---", "")]
    [InlineData("　　各县（市、区）人民政府：　", "各县（市、区）人民政府：")]
    [InlineData("关于\u200B稳住\u200E经济\u202E运行\uFEFF", "关于稳住经济运行")]
    [InlineData("到２０２５年", "到2025年")]
    [InlineData("聊城\u0007市", "聊城市")]
    public void Cleans_one_line(string raw, string expected) => Assert.Equal([expected], LineNormalizer.Normalize(raw));

    [Fact]
    public void Line_ends_of_every_kind_split_lines_alike()
    {
        Assert.Equal(["一", "二", "三", "四"], LineNormalizer.Normalize("一\r\n二\r三\f四\n"));
    }

    [Fact]
    public void Utf8_bytes_give_the_same_lines_as_text()
    {
        var text = "# 标题\r\n\r\n- 项目 ..... 2\n**(下转第6页)**\n\u0001尾";
        var fromText = LineNormalizer.Normalize(text, out var textControls);
        var fromBytes = LineNormalizer.Normalize(Encoding.UTF8.GetBytes(text), out var byteControls);
        Assert.Equal(fromText, fromBytes);
        Assert.Equal(1, textControls);
        Assert.Equal(1, byteControls);
    }

    [Fact]
    public void A_very_long_line_is_read_whole()
    {
        var line = new string('字', 1_000_000);
        var lines = LineNormalizer.Normalize(Encoding.UTF8.GetBytes(line + "\n"), out _);
        Assert.Equal(line, lines[0]);
    }
}
