using System.Text.Json;
using GazetteNotify.Cli;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Cli;

/// <summary>`gazette parse`: JSON by the contract on stdout, an outline with --format text, exit 2 and one line for bad files.</summary>
public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gazette-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Json_is_the_default_and_follows_the_contract_shape()
    {
        var (code, stdout, stderr) = Run("parse", Samples.PathOf(Samples.Issue2022_06));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("聊城市人民政府公报", root.GetProperty("gazette").GetProperty("title").GetString());
        Assert.Contains("\"title\": \"聊城市人民政府公报\"", stdout); // UTF-8 Chinese, not \u escapes
        var first = root.GetProperty("documents")[0];
        foreach (var name in new[] { "section", "docNumber", "title", "issuer", "signedDate", "tocPage", "kind", "attachmentTitle", "topics", "summary", "effective", "repeals", "tasks", "deadlines", "references" })
        {
            Assert.True(first.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.Equal("2022-06-06", first.GetProperty("signedDate").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("attachmentTitle").ValueKind);
        var measure2 = first.GetProperty("tasks")[1].GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Contains(measure2, d => d.GetProperty("text").GetString() == "6月底前" && d.GetProperty("date").GetString() == "2022-06-30" && d.GetProperty("kind").GetString() == "deadline");
        Assert.Contains(measure2, d => d.GetProperty("kind").GetString() == "relative" && d.GetProperty("date").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void Text_format_is_an_outline_with_tasks_and_dates()
    {
        var (code, stdout, _) = Run("parse", Samples.PathOf(Samples.Issue2022_06), "--format", "text");

        Assert.Equal(0, code);
        Assert.StartsWith("聊城市人民政府公报 2022年 第6期（总第231期） — 7 documents", stdout);
        Assert.Contains("◎ 市政府文件", stdout);
        Assert.Contains("聊政发〔2022〕6号 关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", stdout);
        Assert.Contains("lead: 市财政局、市税务局", stdout);
        Assert.Contains("6月底前 → 2022-06-30", stdout);
        // The count storage keeps (gazette issues: 11) is said beside the count of every limit in the text.
        Assert.Matches(@"— 7 documents, 29 tasks, \d+ deadlines in the text \(11 on tasks: what `gazette issues` counts and reminders use\)", stdout);
    }

    [Theory]
    [InlineData("empty.txt", "", "the file is empty")]
    [InlineData("prose.txt", "今天天气很好，我们去公园散步，看见很多人在跑步和打太极拳。今天天气很好，我们去公园散步，看见很多人在跑步和打太极拳。", "does not look like a gazette issue")]
    public void Bad_files_exit_2_with_one_line_naming_the_file(string name, string content, string reason)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);

        var (code, stdout, stderr) = Run("parse", path);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"gazette parse: {name}: ", stderr);
        Assert.Contains(reason, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_broken_PDF_exits_2_with_one_line_saying_so()
    {
        var path = Path.Combine(_dir, "scan.pdf");
        File.WriteAllBytes(path, [.. "%PDF-1.7\n"u8, 0, 1, 2, 3]);
        var (code, _, stderr) = Run("parse", path);
        Assert.Equal(2, code);
        Assert.StartsWith("gazette parse: scan.pdf: the PDF could not be opened, it may be damaged or cut short (", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_binary_that_is_no_document_format_exits_2()
    {
        var path = Path.Combine(_dir, "photo.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 1, 2, 3]);
        var (code, _, stderr) = Run("parse", path);
        Assert.Equal(2, code);
        Assert.Contains("PNG", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_25_MB_file_exits_2_without_being_read()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(25L * 1024 * 1024);
        var (code, _, stderr) = Run("parse", path);
        Assert.Equal(2, code);
        Assert.Contains("over the 20 MB limit", stderr);
    }

    [Fact]
    public void Missing_file_exits_2()
    {
        var (code, _, stderr) = Run("parse", Path.Combine(_dir, "nope.txt"));
        Assert.Equal(2, code);
        Assert.Equal("gazette parse: nope.txt: no such file", stderr.Trim());
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var (code, _, stderr) = Run("parse", Samples.PathOf(Samples.Issue2022_06), "--format", "xml");
        Assert.NotEqual(0, code);
        Assert.NotEqual("", stderr);
    }
}
