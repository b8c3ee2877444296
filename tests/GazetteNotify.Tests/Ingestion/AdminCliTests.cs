using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Ingestion;

/// <summary>`gazette upload`, `issues`, `show` and `deadlines` against Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AdminCliTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _dir = Directory.CreateTempSubdirectory("gazette-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(_storage, null, args);

    [Fact]
    public void Upload_prints_a_line_per_file_with_the_issue_it_became_and_lists_rejections()
    {
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(empty, "");

        var (code, stdout, _) = Run("upload", Samples.PathOf(Samples.Issue2022_06), Samples.PathOf(Samples.Issue2019_08), empty);

        Assert.Equal(2, code); // one rejected
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[1/3] liaocheng-2022-06.txt → issue 2022-06: ingested (7 documents, 29 tasks,", lines[0]);
        Assert.StartsWith("[2/3] liaocheng-2019-08.txt → issue 2019-08: ingested (8 documents,", lines[1]);
        Assert.StartsWith("[3/3] empty.txt → rejected: the file is empty", lines[2]);

        var again = Run("upload", Samples.PathOf(Samples.Issue2022_06));
        Assert.Equal(0, again.Code);
        Assert.Contains("issue 2022-06: unchanged", again.Out);

        var (listCode, list, _) = Run("issues");
        Assert.Equal(0, listCode);
        Assert.Contains("2019-08", list);
        Assert.Matches(@"2022-06\s+ingested\s+7\s+29", list);
        Assert.Matches(@"rejected-[0-9a-f]{16}\s+rejected .*empty\.txt: the file is empty", list);
    }

    [Fact]
    public async Task Show_and_deadlines_read_back_what_was_stored()
    {
        Assert.Equal(0, Run("upload", Samples.PathOf(Samples.Issue2022_06)).Code);

        var (showCode, show, _) = Run("show", "2022-06");
        Assert.Equal(0, showCode);
        Assert.Contains("01. 聊政发〔2022〕6号 关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", show);
        Assert.Contains("task 1: lead 市财政局、市税务局", show);
        Assert.Contains("2022-06-30", show);

        var (code, deadlines, _) = Run("deadlines", "--from", "2022-06-01", "--to", "2022-06-30", "--unit", "市国资委");
        Assert.Equal(0, code);
        Assert.Contains("2022-06-30", deadlines);
        Assert.Contains("item 16", deadlines);
        Assert.EndsWith("1 deadlines\n", deadlines.Replace("\r\n", "\n"));

        // --now records the ingestion as at that day, as the other day-dependent commands take it.
        Assert.Equal(0, Run("upload", "--now", "2022-06-10", Samples.PathOf(Samples.Issue2019_08)).Code);
        var at = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", "2019-08")).Value.GetDateTimeOffset("IngestedAt");
        Assert.Equal(new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.FromHours(8)), at);
        Assert.Equal(1, Run("upload", "--now", "soon", Samples.PathOf(Samples.Issue2019_08)).Code);

        // `upload` printed the file name beside the key: either finds the issue.
        var byName = Run("show", "liaocheng-2022-06.txt");
        Assert.Equal(0, byName.Code);
        Assert.Equal(show, byName.Out);

        var missing = Run("show", "1999-01");
        Assert.Equal(1, missing.Code);
        Assert.Contains("no issue has the key or upload name 1999-01", missing.Err);
        Assert.Equal(1, Run("deadlines", "--from", "2022-13-01", "--to", "2022-12-31").Code);
    }
}
