using YamlMapping = SharpYaml.Model.YamlMapping;
using YamlStream = SharpYaml.Model.YamlStream;
using YamlValue = SharpYaml.Model.YamlValue;

namespace GazetteNotify.Tests.Infra;

/// <summary>azure.yaml and the postdeploy hook (run against a fake `az` that records its arguments).</summary>
public sealed class AzdTests
{
    private const string FakeKey = "sekret+k/ey==";

    private static readonly string Root = InfraFixture.FindRepoRoot();

    private static readonly string Hook = Path.Combine(Root, "scripts", "postdeploy-eventgrid.sh");

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_dotnet_function_app()
    {
        var root = AzureYaml();
        Assert.Equal("gazette-notify", Scalar(root, "name"));
        var functions = Mapping(Mapping(root, "services"), "functions");
        Assert.Equal("./functions/GazetteNotify.Functions", Scalar(functions, "project"));
        Assert.Equal("dotnet", Scalar(functions, "language"));
        Assert.Equal("function", Scalar(functions, "host"));
    }

    [Fact]
    public void Azure_yaml_runs_the_event_grid_script_after_deploy()
    {
        var posix = Mapping(Mapping(Mapping(AzureYaml(), "hooks"), "postdeploy"), "posix");
        Assert.Equal("sh", Scalar(posix, "shell"));
        Assert.Equal("./scripts/postdeploy-eventgrid.sh", Scalar(posix, "run"));
        Assert.True(File.Exists(Path.Combine(Root, Scalar(posix, "run"))));
    }

    [Fact]
    public void Postdeploy_script_parses_with_bash_and_sh()
    {
        var bash = InfraFixture.Run("bash", Root, "-n", Hook);
        Assert.True(bash.ExitCode == 0, bash.ToString());
        var sh = InfraFixture.Run("sh", Root, "-n", Hook);
        Assert.True(sh.ExitCode == 0, sh.ToString());
    }

    [Fact]
    public void Postdeploy_script_subscribes_the_blob_webhook_and_never_prints_the_key()
    {
        using var az = new FakeAz(createExitCode: 0);
        var run = az.RunHook();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("sekret", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        var create = az.CreateArguments();
        Assert.Equal(["eventgrid", "system-topic", "event-subscription", "create"], create.Take(4));
        Assert.Equal("gazette-issues-created", After(create, "--name"));
        Assert.Equal("rg-test", After(create, "--resource-group"));
        Assert.Equal("evgst-test", After(create, "--system-topic-name"));
        Assert.Equal("webhook", After(create, "--endpoint-type"));
        Assert.Equal("https://func-test.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.IngestIssue&code=sekret%2Bk%2Fey%3D%3D",
            After(create, "--endpoint"));
        Assert.Equal("Microsoft.Storage.BlobCreated", After(create, "--included-event-types"));
        Assert.Equal("/blobServices/default/containers/gazette-issues/", After(create, "--subject-begins-with"));
    }

    [Fact]
    public void Postdeploy_script_masks_the_key_when_az_fails()
    {
        using var az = new FakeAz(createExitCode: 1);
        var run = az.RunHook();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("code=***", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("sekret", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Postdeploy_script_stops_when_the_app_has_no_blob_extension_key()
    {
        using var az = new FakeAz(createExitCode: 0, key: "");
        var run = az.RunHook();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no blobs_extension system key", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(az.ArgumentsFile));
    }

    private static string After(List<string> arguments, string option) => arguments[arguments.IndexOf(option) + 1];

    private static YamlMapping AzureYaml()
    {
        using var reader = new StreamReader(Path.Combine(Root, "azure.yaml"));
        var stream = YamlStream.Load(reader);
        return Assert.IsType<YamlMapping>(stream[0].Contents);
    }

    private static YamlMapping Mapping(YamlMapping parent, string key) => Assert.IsType<YamlMapping>(parent[key]);

    private static string Scalar(YamlMapping parent, string key) => Assert.IsType<YamlValue>(parent[key]).Value;

    /// <summary>A directory with an `az` that hands out a blobs_extension key and records the create call.</summary>
    private sealed class FakeAz : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("fake-az-").FullName;

        public FakeAz(int createExitCode, string key = FakeKey)
        {
            ArgumentsFile = Path.Combine(_directory, "create-arguments");
            var script = Path.Combine(_directory, "az");
            File.WriteAllText(script, $$"""
                #!/bin/sh
                case "$*" in
                  *"functionapp keys list"*) printf '%s\n' '{{key}}' ;;
                  *"event-subscription create"*)
                    printf '%s\n' "$@" > '{{ArgumentsFile}}'
                    if [ {{createExitCode}} -ne 0 ]; then
                      for a in "$@"; do case "$a" in https://*) echo "ERROR: validation handshake failed for $a" >&2 ;; esac; done
                      exit {{createExitCode}}
                    fi ;;
                  *) echo "fake az: unexpected $*" >&2; exit 2 ;;
                esac
                """.ReplaceLineEndings("\n"));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public string ArgumentsFile { get; }

        public ProcessResult RunHook() => InfraFixture.Run("sh", Root, new Dictionary<string, string?>
        {
            ["PATH"] = _directory + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["AZURE_FUNCTION_APP_NAME"] = "func-test",
            ["AZURE_FUNCTION_APP_HOSTNAME"] = "func-test.azurewebsites.net",
            ["AZURE_EVENTGRID_SYSTEM_TOPIC"] = "evgst-test",
            ["POSTDEPLOY_KEY_ATTEMPTS"] = "1",
            ["POSTDEPLOY_KEY_DELAY_SECONDS"] = "0",
        }, Hook);

        public List<string> CreateArguments() => File.ReadAllLines(ArgumentsFile).ToList();

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
