using GazetteNotify.Cli.Evaluation;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Cli;

/// <summary>The corpus scorer: documents paired by number or title, units by (name, role), limits by (text, date).</summary>
public class CorpusScoreTests
{
    private static GazetteDocument Doc(string title, string? number, params ResponsibilityTask[] tasks) =>
        new("", number, title, null, null, null, null, null, [], "", null, [], tasks, tasks.SelectMany(t => t.Deadlines).Distinct().ToList(), []);

    private static ResponsibilityTask Task(string[] lead, string[] support, params Deadline[] deadlines) => new(null, lead, support, deadlines);

    private static GazetteIssue Issue(params GazetteDocument[] documents) => new(new GazetteMasthead("", 0, [], []), documents, []);

    private static readonly Deadline June = new("6月底前", new DateOnly(2023, 6, 30), DeadlineKind.Deadline);

    private static GoldFile Gold(params GoldDocument[] documents) => new("https://example.gov.cn/1", "山东", "济南市", "single-document", null, documents);

    [Fact]
    public void A_perfect_parse_scores_one_everywhere_and_names_compare_across_widths_and_spaces()
    {
        var gold = Gold(new GoldDocument("关于印发《2023年工作要点》的通知", "济政办字〔2023〕5号", null, null,
            [new("市财政局", "lead"), new("各县（市、区）人民政府", "support")], [new("6月底前", "2023-06-30", "deadline")]));
        var parsed = Issue(Doc("关于印发2023年工作要点的通知", "济政办字[2023]5号", Task(["市财政局"], ["各县(市、区)人民政府"], June)));

        var score = CorpusScore.Score("a.txt", gold, parsed, null);

        Assert.Equal((1.0, 1.0, 1.0), (score.Documents.F1, score.Units.F1, score.Deadlines.F1));
    }

    [Fact]
    public void A_wrong_role_a_wrong_date_and_an_invented_unit_are_each_counted()
    {
        var gold = Gold(new GoldDocument("关于推进某项工作的实施意见", null, null, null,
            [new("市财政局", "lead"), new("市税务局", "support")], [new("6月底前", "2023-06-30", "deadline")]));
        var parsed = Issue(Doc("关于推进某项工作的实施意见", null,
            Task(["市财政局", "市税务局", "有关部门"], [], new Deadline("6月底前", new DateOnly(2022, 6, 30), DeadlineKind.Deadline))));

        var score = CorpusScore.Score("b.txt", gold, parsed, null);

        Assert.Equal(new Counts(1, 2, 1), score.Units);     // 市财政局 right; 市税务局 as lead and 有关部门 wrong; 市税务局 as support missed
        Assert.Equal(new Counts(0, 1, 1), score.Deadlines); // the year is wrong: not the same limit
        Assert.Equal(0.4, score.Units.F1, 3);
    }

    [Fact]
    public void A_refused_text_misses_everything_its_gold_holds()
    {
        var gold = Gold(new GoldDocument("关于某事的通知", "某政发〔2023〕1号", null, null, [new("市财政局", "lead")], [new("年底前", "2023-12-31", "deadline")]));

        var score = CorpusScore.Score("c.txt", gold, null, "not a government document");

        Assert.Equal((new Counts(0, 0, 1), new Counts(0, 0, 1), new Counts(0, 0, 1)), (score.Documents, score.Units, score.Deadlines));
        Assert.Contains("REFUSED: not a government document", CorpusScore.Report([score]));
    }

    [Fact]
    public void A_gold_document_printed_without_title_or_number_is_paired_by_its_issuer_and_names_compare_across_scripts()
    {
        // An excerpt that starts at the 主送 line: the annotator saw no title; the parser names it after its attachment.
        var gold = Gold(
            new GoldDocument("", null, "咸宁市人民政府办公室", null, [new("市發改委", "lead")], []),
            new GoldDocument("关于某事的通知", null, null, null, [], []));
        var untitled = Doc("2023年主要目标任务责任分解方案", null, Task(["市发改委"], [])) with { Issuer = "咸宁市人民政府办公室" };
        var parsed = Issue(Doc("关于另一事的通知", null), untitled);

        var score = CorpusScore.Score("d.txt", gold, parsed, null);

        Assert.Equal(new Counts(1, 1, 1), score.Documents); // the untitled one paired; 关于某事 missed; 关于另一事 invented
        Assert.Equal(new Counts(1, 0, 0), score.Units);      // 市發改委 (traditional in the gold) is 市发改委
    }

    [Fact]
    public void Gold_files_read_as_the_corpus_writes_them()
    {
        var gold = GoldFile.Read("""
            { "source": "http://x", "province": "浙江", "city": "杭州市", "category": "table", "note": null,
              "documents": [ { "title": "t", "docNumber": null, "issuer": null, "signedDate": "2023-03-01",
                "units": [ { "name": "市财政局", "role": "lead" } ], "deadlines": [ { "text": "年底前", "date": "2023-12-31", "kind": "deadline" } ] } ] }
            """);

        Assert.Equal("table", gold.Category);
        Assert.Equal("市财政局", gold.Documents[0].Units[0].Name);
        Assert.Equal("2023-12-31", gold.Documents[0].Deadlines[0].Date);
    }

    [Theory]
    [InlineData("加快建设区域金融中心。(市金融局牵头,市发改委配合)", "(…) half-width")]
    [InlineData("加快建设区域金融中心。（市金融局牵头，市发改委配合）", "（…） full-width")]
    [InlineData("落实减税降费政策【责任单位：市财政局】", "〔…〕 or 【…】")]
    [InlineData("1.优化营商环境\n牵头单位：市发改委\n配合单位：市市场监管局", "label on its own line")]
    [InlineData("责任单位：市财政局；完成时限：2023年底。", "label with 完成时限")]
    [InlineData("加强政务公开工作。办公室牵头,各科室、单位配合 11 月底前", "X牵头，Y配合 in prose")]
    [InlineData("序号 | 工作任务 | 牵头单位 | 完成时限 |", "responsibility table")]
    public void Each_clause_form_is_told_from_the_text(string text, string form)
    {
        Assert.Contains(form, ClauseForms.In(text.Replace("\\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_form_inside_a_bracket_is_not_also_prose_and_plain_prose_has_no_form()
    {
        Assert.DoesNotContain("X牵头，Y配合 in prose", ClauseForms.In("（市金融局牵头，市发改委配合）"));
        Assert.Empty(ClauseForms.In("全面深化改革，持续推进政务服务标准化。"));
    }

    [Fact]
    public void The_report_scores_each_form_over_the_files_that_write_it()
    {
        var a = new FileScore("a.txt", "table", null, new Counts(1, 0, 0), new Counts(4, 0, 0), new Counts(1, 0, 0)) { Forms = ["responsibility table"] };
        var b = new FileScore("b.txt", "single-document", null, new Counts(1, 0, 0), new Counts(1, 0, 3), new Counts(0, 0, 0)) { Forms = ["(…) half-width"] };

        var report = CorpusScore.Report([a, b]);

        var lines = report.Split('\n');
        Assert.Contains("1 files  documents F1 1.000 (P 1.00 R 1.00)  units F1 1.000", Assert.Single(lines, l => l.StartsWith("responsibility table ", StringComparison.Ordinal)));
        Assert.Contains("1 files  documents F1 1.000 (P 1.00 R 1.00)  units F1 0.400", Assert.Single(lines, l => l.StartsWith("(…) half-width ", StringComparison.Ordinal)));
        Assert.DoesNotContain("label on its own line", report);
    }
}
