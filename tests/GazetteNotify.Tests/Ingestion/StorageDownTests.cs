using GazetteNotify.Cli;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Ingestion;

/// <summary>With storage unreachable, the job and the CLI say which endpoint and what to start — no stack trace.</summary>
public class StorageDownTests
{
    // Azurite's published development account, pointed at a port where nothing listens.
    private const string ClosedPort =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private static GazetteStorage Down() =>
        new(new StorageSettings(ClosedPort, null, null), new StorageNames("tdown"), new StorageClientTuning(0, TimeSpan.FromSeconds(2)));

    [Fact]
    public async Task The_job_throws_one_clear_error()
    {
        var error = await Assert.ThrowsAsync<StorageUnreachableException>(() => new IngestIssue(Down(), TimeProvider.System).RunAsync("x.txt"));
        Assert.StartsWith("cannot reach Azure Storage", error.Message);
        Assert.DoesNotContain("AccountKey", error.Message);
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("show", "2022-06")]
    [InlineData("deadlines", "--from", "2022-01-01", "--to", "2022-12-31")]
    public void Cli_commands_exit_3_with_one_line_naming_the_fix(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = GazetteCommandLine.Run(args, new CliContext(output, error, Down));

        Assert.Equal(CliContext.StorageUnreachableExitCode, code);
        var message = error.ToString().TrimEnd('\n');
        Assert.Single(message.Split('\n'));
        Assert.StartsWith("gazette: cannot reach Azure Storage", message);
        Assert.Contains("npm run azurite", message);
        Assert.DoesNotContain("   at ", message);
    }

    [Fact]
    public void Upload_exits_3_too()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gazette-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "聊城市人民政府公报");
        try
        {
            var error = new StringWriter();
            Assert.Equal(CliContext.StorageUnreachableExitCode, GazetteCommandLine.Run(["upload", file], new CliContext(new StringWriter(), error, Down)));
            Assert.StartsWith("gazette: cannot reach Azure Storage", error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
