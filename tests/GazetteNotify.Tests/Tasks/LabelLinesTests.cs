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

    /// <summary>
    /// 六安 2021 in the corpus: 牵头负责领导 (a person), 牵头责任单位 and 协同责任单位 lines, each closed by 。, and a
    /// unit list wrapped after its 、.
    /// </summary>
    private const string Sentences = """
        关于印发重点工作责任分解方案的通知
        各县区人民政府：
        1.地区生产总值增长8.5%以上。
        牵头负责领导:束学龙。
        牵头责任单位:市发改委。
        协同责任单位:市政府各部门、各直属机构。
        完成时限:2021年12月31日
        2.规上工业增加值增长9.5%以上。
        牵头负责领导:束学龙。
        牵头责任单位:市经信局。
        协同责任单位:市发改委、市农业农村局、
        市税务局、六安供电公司等。
        六安市人民政府
        2021年3月1日
        """;

    [Fact]
    public void Responsibility_unit_lines_closed_by_full_stops_are_one_clause()
    {
        var document = Assert.Single(GazetteParser.Parse(Encoding.UTF8.GetBytes(Sentences)).Issue!.Documents);

        Assert.Equal(2, document.Tasks.Count);
        Assert.Equal(["市发改委"], document.Tasks[0].Lead);
        Assert.Equal(["市政府各部门、各直属机构"], document.Tasks[0].Support);
        Assert.Equal(new DateOnly(2021, 12, 31), Assert.Single(document.Tasks[0].Deadlines).Date);
        Assert.Equal(["市经信局"], document.Tasks[1].Lead);
        Assert.Equal(["市发改委", "市农业农村局", "市税务局", "六安供电公司"], document.Tasks[1].Support);
        Assert.DoesNotContain(document.Tasks.SelectMany(t => t.Lead.Concat(t.Support)), u => u.Contains("束学龙", StringComparison.Ordinal));
    }
}
