using GazetteNotify.Parsing;
using System.Text;

namespace GazetteNotify.Tests.Tasks;

/// <summary>Sentences saying how to read the unit lists are rules for the document's clauses, never units.</summary>
public class FirstListedRuleTests
{
    /// <summary>珠海 2009 in the corpus: the rule in a paragraph of its own, the clauses bare units after each item.</summary>
    private const string Text = """
        关于印发某方案的通知
        各区人民政府：
        一、工作分工（列在分工项目首位的为牵头单位，其他为协办单位）：
        （一）建设珠江口西岸核心城市。（市委政研室、市委改革办）
        （二）推进横琴开发。（市发展改革局、市财政局负责）
        （三）加快港珠澳大桥建设。（市交通运输局牵头，市国土资源局、市规划局配合）
        珠海市人民政府办公室
        2009年2月20日
        """;

    [Fact]
    public void Rule_sentence_makes_the_first_unit_of_each_clause_lead()
    {
        var document = Assert.Single(GazetteParser.Parse(Encoding.UTF8.GetBytes(Text)).Issue!.Documents);

        Assert.Equal(3, document.Tasks.Count);
        Assert.Equal(["市委政研室"], document.Tasks[0].Lead);
        Assert.Equal(["市委改革办"], document.Tasks[0].Support);
        Assert.Equal(["市发展改革局"], document.Tasks[1].Lead);
        Assert.Equal(["市财政局"], document.Tasks[1].Support);
        Assert.Equal(["市交通运输局"], document.Tasks[2].Lead);
        Assert.Equal(["市国土资源局", "市规划局"], document.Tasks[2].Support);
        Assert.DoesNotContain(document.Tasks.SelectMany(t => t.Lead.Concat(t.Support)), u => u.Contains("牵头", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_rule_every_unit_of_a_clause_without_roles_leads()
    {
        var withoutRule = Text.Replace("（列在分工项目首位的为牵头单位，其他为协办单位）", "", StringComparison.Ordinal);
        var document = Assert.Single(GazetteParser.Parse(Encoding.UTF8.GetBytes(withoutRule)).Issue!.Documents);

        Assert.Equal(["市委政研室", "市委改革办"], document.Tasks[0].Lead);
        Assert.Empty(document.Tasks[0].Support);
    }
}
