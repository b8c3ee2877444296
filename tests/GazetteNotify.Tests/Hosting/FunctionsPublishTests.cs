using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using GazetteNotify.Functions;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Hosting;

/// <summary>
/// `dotnet publish` of the Functions app, from the build this test run was made from (--no-build): the package azd
/// deploys must hold what the Functions host reads at start — worker.config.json, functions.metadata, extensions.json
/// with the WebJobs extensions in .azurefunctions/, host.json — and never a local.settings.json.
/// </summary>
public sealed class FunctionsPublishTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("gazette-publish-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static string Configuration => typeof(WorkerComposition).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [Fact]
    public async Task The_published_package_holds_what_the_functions_host_reads()
    {
        var project = Path.Combine(AzuriteFixture.RepoRoot(), "functions", "GazetteNotify.Functions", "GazetteNotify.Functions.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", project, "-c", Configuration, "--no-build", "-o", _output, "-nologo" }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");

        foreach (var file in new[] { "GazetteNotify.Functions.dll", "worker.config.json", "functions.metadata", "extensions.json", "host.json" })
        {
            Assert.True(File.Exists(Path.Combine(_output, file)), $"{file} missing from the package");
        }

        Assert.False(File.Exists(Path.Combine(_output, "local.settings.json")));

        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("GazetteNotify.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());

        // The host loads the storage extensions (blob and queue triggers) from the paths extensions.json names.
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "extensions.json")));
        var named = extensions.RootElement.GetProperty("extensions").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("hintPath").GetString()!);
        Assert.Contains("AzureStorageBlobs", named.Keys);
        Assert.Contains("AzureStorageQueues", named.Keys);
        Assert.All(named.Values, hint => Assert.True(File.Exists(Path.Combine(_output, hint)), $"{hint} missing from the package"));

        var published = FunctionMetadataTests.FromFile(Path.Combine(_output, "functions.metadata"));
        Assert.Equal((await FunctionMetadataTests.GeneratedAsync()).Select(f => f.Name).Order(), published.Select(f => f.Name).Order());
    }
}
