using GazetteNotify.Cli.Commands;
using GazetteNotify.Cli.Evaluation;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Body;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Site;
using GazetteNotify.Tests.Support;
using NJsonSchema;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// The corpus of other cities' documents (Fixtures/corpus: real texts with gold annotations made before the parser read
/// them): a single document without a gazette's cover is read as one, its JSON keeps the contract, it is stored under a
/// key of its own — and the corpus scores never fall below what they reached.
/// </summary>
[Collection(AzuriteGroup.Name)]
public class CorpusTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contracts", "gazette-issue.schema.json"))).GetAwaiter().GetResult());

    private const string Notice = "he-shijiazhuang-2008-senlin-fanghuo-huiyi-daohui-qingkuang-tongbao.txt";

    [Fact]
    public void A_single_document_is_one_document_of_no_issue()
    {
        var issue = GazetteParser.Parse(File.ReadAllBytes(Path.Combine(Corpus, Notice))).Issue!;

        Assert.Equal((null, null, 0, 0, false), (issue.Gazette.Title, issue.Gazette.Year, issue.Gazette.IssueNumbers.Count, issue.Gazette.CumulativeNumbers.Count, issue.Gazette.IsIssue));
        var document = Assert.Single(issue.Documents);
        Assert.Equal("石政办函〔2008〕11号", document.DocNumber);
        Assert.Equal("关于全省森林防火工作电视电话会议和全市森林防火工作会议参会人员到会情况的通报", document.Title);
        Assert.Equal("石家庄市人民政府办公厅", document.Issuer);
        Assert.Equal("通报", document.Kind);
        Assert.DoesNotContain(issue.Warnings, w => w.Contains("masthead", StringComparison.Ordinal) || w.Contains("第N期", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_corpus_text_read_keeps_the_contract()
    {
        var read = 0;
        foreach (var file in Directory.GetFiles(Corpus, "*.txt"))
        {
            if (GazetteParser.Parse(File.ReadAllBytes(file)).Issue is not { } issue) continue;
            read++;
            Assert.Empty(Schema.Value.Validate(GazetteJson.Serialize(issue)).Select(e => $"{Path.GetFileName(file)}: {e.Path}: {e.Kind}"));
        }

        Assert.True(read >= 20, $"{read} corpus texts read");
    }

    [Theory]
    [InlineData("关于印发2023年政务公开工作要点的通知", true)]
    [InlineData("2023年新余市政务公开工作要点", true)]
    [InlineData("关于加快推进城市更新的实施意见（试行）", true)]
    [InlineData("市人民政府关于任免工作人员的通知", true)]
    [InlineData("市政府工作报告重点工作责任分解(2023年)", true)]
    [InlineData("今天天气很好，我们去公园散步。", false)]
    [InlineData("各县（市、区）人民政府，市政府各部门：", false)]
    [InlineData("购物清单：苹果、牛奶、鸡蛋", false)]
    public void Titles_have_the_genres_shape(string line, bool title) => Assert.Equal(title, SingleDocument.IsTitle(line));

    [Fact]
    public void A_title_shaped_line_without_any_mark_of_the_genre_is_not_a_document()
    {
        // A shopping list that happens to end in 清单 has a title's shape, but no addressee, date, note or clause.
        var text = "本周采购清单\n苹果 三斤\n牛奶 两箱\n鸡蛋 一盒\n面包 两个\n酸奶 四杯\n大米 一袋\n食用油 一桶\n酱油 一瓶\n醋 一瓶\n";
        Assert.Equal(-1, SingleDocument.FindTitle(text.Split('\n'), 0));
        Assert.True(GazetteParser.Parse(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, 5)))).IsRejected);
    }

    [Fact]
    public async Task A_single_document_is_stored_under_its_number_with_no_issue_title()
    {
        var storage = AzuriteFixture.NewStorage();
        await storage.EnsureCreatedAsync();
        await storage.Issues.GetBlobClient(Notice).UploadAsync(new BinaryData(File.ReadAllBytes(Path.Combine(Corpus, Notice))));

        var outcome = await new IngestIssue(storage, TimeProvider.System).RunAsync(Notice);

        Assert.Equal((IngestStatus.Ingested, "doc-石政办函〔2008〕11号", 1), (outcome.Status, outcome.IssueKey, outcome.Documents));
        var row = (await storage.Table(storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", outcome.IssueKey)).Value;
        Assert.Null(row.GetString("Title"));
        var page = await Jobs.AdminPages(storage, null!, new GazetteNotify.Site.LinkTokens(Scenario.LinkSecret, TimeProvider.System),
            GazetteNotify.Site.SiteSettings.Local, TimeProvider.System).IssueAsync(outcome.IssueKey);
        Assert.Contains("关于全省森林防火工作电视电话会议和全市森林防火工作会议参会人员到会情况的通报（单份文件）", page.Html);
    }

    /// <summary>
    /// What the corpus reached when it was built (issue 17): the floors only rise. Documents, units and limits F1 over
    /// all texts, and the number refused, as `gazette eval tests/GazetteNotify.Tests/Fixtures/corpus` prints them.
    /// </summary>
    [Fact]
    public void The_corpus_never_scores_below_what_it_reached()
    {
        var scores = EvalCommand.Evaluate(Corpus);
        var (documents, units, deadlines) = CorpusScore.Total(scores);

        Assert.True(scores.Count >= 40, $"{scores.Count} corpus texts");
        Assert.True(documents.F1 >= 0.97, CorpusScore.Report(scores));
        Assert.True(units.F1 >= 0.95, CorpusScore.Report(scores));
        Assert.True(deadlines.F1 >= 0.90, CorpusScore.Report(scores));
        Assert.False(scores.Any(s => s.Rejection is not null), CorpusScore.Report(scores));
    }

    /// <summary>
    /// The held-out texts, gathered and annotated after the corpus rules were written. Read blind they scored documents
    /// 0.769, units 0.639, limits 0.222 with 4 of 15 refused; the forms they showed missing are now read (see
    /// HeldOutFormsTests), so they are no longer blind — these floors keep what was reached.
    /// </summary>
    [Fact]
    public void The_held_out_texts_never_score_below_what_they_reached()
    {
        var scores = EvalCommand.Evaluate(Path.Combine(AppContext.BaseDirectory, "Fixtures", "heldout"));
        var (documents, units, deadlines) = CorpusScore.Total(scores);

        Assert.Equal(15, scores.Count);
        Assert.True(documents.F1 >= 0.89, CorpusScore.Report(scores));
        Assert.True(units.F1 >= 0.83, CorpusScore.Report(scores));
        Assert.True(deadlines.F1 >= 0.87, CorpusScore.Report(scores));
        Assert.True(scores.Count(s => s.Rejection is not null) <= 1, CorpusScore.Report(scores));
    }
}
