using System.Text;
using GazetteNotify.Parsing;

namespace GazetteNotify.Tests.Tasks;

/// <summary>
/// 牵头单位：X and 责任单位：Y each on a line of its own under an item (辽政发〔2023〕2号 in the corpus has this form):
/// one task, X the lead, Y supporting — a 牵头领导 line (a person) names no unit.
/// </summary>
public class LabelLinesTests
{
    private const string Text = """
        关于印发某方案的通知
        各市人民政府：
        1.地区生产总值增长5%以上。
        牵头单位:省发展改革委
        责任单位:省工业和信息化厅、省农业农村厅等,各市人民政府
        2.一般公共预算收入增长5%左右。
        牵头领导:省政府分管领导同志
        牵头单位：省财政厅
        责任单位：省税务局
        完成时限：2023年6月底前
        辽宁省人民政府
        2023年1月19日
        """;

    [Fact]
    public void Label_lines_under_an_item_are_one_clause_with_lead_and_support_apart()
    {
        var document = Assert.Single(GazetteParser.Parse(Encoding.UTF8.GetBytes(Text)).Issue!.Documents);

        Assert.Equal(2, document.Tasks.Count);
        Assert.Equal("1", document.Tasks[0].Item);
        Assert.Equal(["省发展改革委"], document.Tasks[0].Lead);
        Assert.Equal(["省工业和信息化厅", "省农业农村厅", "各市人民政府"], document.Tasks[0].Support);
        Assert.Equal(["省财政厅"], document.Tasks[1].Lead);
        Assert.Equal(["省税务局"], document.Tasks[1].Support);
        Assert.Equal(new DateOnly(2023, 6, 30), Assert.Single(document.Tasks[1].Deadlines).Date);
        Assert.DoesNotContain(document.Tasks.SelectMany(t => t.Lead.Concat(t.Support)), u => u.Contains("领导", StringComparison.Ordinal));
    }
}
