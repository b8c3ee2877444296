using GazetteNotify.Cli;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Cli;

/// <summary>`gazette eval DIR` as a developer runs it: the table of scores, --differences naming each miss, floors as exit codes.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gazette-eval-").FullName;

    public EvalCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "notice.txt"), """
            关于做好2024年防汛工作的通知
            各区县人民政府，市政府各部门：
            请于5月底前完成汛前检查。（责任单位：市水务局）
            济南市人民政府办公厅
            2024年3月8日
            """);
        File.WriteAllText(Path.Combine(_dir, "notice.gold.json"), """
            { "source": "https://example.gov.cn/1", "province": "山东", "city": "济南市", "category": "single-document", "note": null,
              "documents": [ { "title": "关于做好2024年防汛工作的通知", "docNumber": null, "issuer": "济南市人民政府办公厅", "signedDate": "2024-03-08",
                "units": [ { "name": "市水务局", "role": "lead" }, { "name": "市应急局", "role": "lead" } ],
                "deadlines": [ { "text": "5月底前", "date": "2024-05-31", "kind": "deadline" } ] } ] }
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Differences_name_each_miss_and_the_table_scores_the_file()
    {
        var (code, stdout, stderr) = Run("eval", _dir, "--differences");

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("notice.txt\n  − unit 市应急局 (lead)", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("市水务局", stdout, StringComparison.Ordinal); // found: not a difference
        Assert.Contains("units F1 0.667", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_floor_not_reached_exits_one_and_a_folder_without_gold_exits_two()
    {
        Assert.Equal(1, Run("eval", _dir, "--min-units", "0.9").Code);
        Assert.Equal(0, Run("eval", _dir, "--min-documents", "1").Code);
        Assert.Equal(2, Run("eval", Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName).Code);
    }
}
