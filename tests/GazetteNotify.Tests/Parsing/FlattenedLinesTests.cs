using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Tests.Parsing;

/// <summary>A document a site flattened onto one line, a space where each line break was, is read as if it had its lines.</summary>
public class FlattenedLinesTests
{
    private const string Flattened =
        "河南省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 豫政〔2023〕5号 " +
        "各省辖市人民政府，省人民政府各部门： 现将《政府工作报告》提出的2023年重点工作任务予以分解并明确责任单位。各责任单位要尽快制定具体落实方案，明确时间节点、责任领导、主要措施，确保重点工作如期推进。 " +
        "一、加快提振市场信心 (一)全面促进消费增长。 " +
        "1.把恢复和扩大消费摆在优先位置，改善消费条件，创新消费场景。(省商务厅、财政厅、 发展改革委等相关部门按职责分工负责) " +
        "2.落实好提振市场信心90条措施。(省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责) " +
        "3.激活房地产市场，落实首套房贷款支持政策，满足刚性和改善性住房需求。(省住房城乡建设厅牵头，省财政厅、自然资源厅、税务局等相关部门按职责分工负责)";

    [Fact]
    public void A_flattened_line_is_split_where_its_line_breaks_were_but_not_inside_a_clause()
    {
        var lines = FlattenedLines.Restore([Flattened]);

        Assert.Equal("豫政〔2023〕5号", lines[3]);
        Assert.Equal("一、加快提振市场信心", lines[6]);
        // The space after 、 inside the bracketed clause is a typist's, not a lost line break.
        Assert.Contains(lines, l => l.EndsWith("(省商务厅、财政厅、 发展改革委等相关部门按职责分工负责)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flattened_document_is_read_with_its_number_and_title()
    {
        var result = GazetteParser.ParseText(Flattened);

        var document = Assert.Single(result.Issue!.Documents);
        Assert.Equal("豫政〔2023〕5号", document.DocNumber);
        Assert.Equal("关于明确政府工作报告提出的2023年重点工作责任单位的通知", document.Title);
        Assert.Contains(result.Issue.Warnings, w => w.Contains("lost its line breaks", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_paragraphs_of_an_ordinary_text_are_left_alone()
    {
        var paragraph = string.Concat(Enumerable.Repeat("各级各部门要提高站位，强化责任，不折不扣落实重点工作任务。", 12));
        string[] lines = [paragraph, "2022年6月6日"];

        Assert.Same(lines, FlattenedLines.Restore(lines));
    }
}
