using System.Text;
using GazetteNotify.Parsing;

namespace GazetteNotify.Tests.Tasks;

/// <summary>
/// Headings that name who leads the items under them (晋政发〔2008〕8号 in the corpus): （一）省监察厅牵头的工作, with
/// 协同单位：… lines for support. A person's heading (孟学农省长负责的工作) names no unit.
/// </summary>
public class HeadingLeadTests
{
    private const string Text = """
        关于印发2008年省人民政府工作目标责任分解的通知
        各市、县人民政府：
        一、孟学农省长负责的工作
        全面负责省人民政府工作任务的落实。
        （一）省监察厅牵头的工作
        加强行政监察工作，全面落实政府系统党风廉政建设责任制。
        （二）省审计厅牵头的工作
        全面加强审计工作。
        协同单位：省直各部门和各市人民政府。
        （三）省编办牵头的工作
        1.深化行政管理体制改革，优化政府机构设置。
        2.积极稳妥地推进乡镇机构改革。
        协同单位：省财政厅、省人事厅、省农业厅等省直有关部门和各市人民政府。
        山西省人民政府
        2008年2月3日
        """;

    [Fact]
    public void Heading_lead_leads_the_clauses_under_it_and_stands_alone_without_one()
    {
        var document = Assert.Single(GazetteParser.Parse(Encoding.UTF8.GetBytes(Text)).Issue!.Documents);

        Assert.Equal(3, document.Tasks.Count);
        Assert.Equal("（一）", document.Tasks[0].Item);
        Assert.Equal(["省监察厅"], document.Tasks[0].Lead);
        Assert.Empty(document.Tasks[0].Support);
        Assert.Equal(["省审计厅"], document.Tasks[1].Lead);
        Assert.Equal(["省直各部门", "各市人民政府"], document.Tasks[1].Support);
        Assert.Equal(["省编办"], document.Tasks[2].Lead);
        Assert.Equal(["省财政厅", "省人事厅", "省农业厅", "各市人民政府"], document.Tasks[2].Support);
        Assert.DoesNotContain(document.Tasks.SelectMany(t => t.Lead), u => u.Contains("省长", StringComparison.Ordinal));
    }
}
