using System.Text.Json;
using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Functions;
using GazetteNotify.Hosting;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Infra;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Tests.Hosting;

/// <summary>
/// The bindings as the Functions host will read them: the Sdk's source generator turns the function classes into
/// GeneratedFunctionMetadataProvider (what the host asks the worker for, workerIndexing) and functions.metadata. Every
/// trigger, queue, container, schedule setting, method, route and authorization level must be what the library defines
/// and `gazette serve` runs; every %SETTING% must be in local.settings.sample.json and deployed by infra/.
/// </summary>
public sealed partial class FunctionMetadataTests(InfraFixture infra) : IClassFixture<InfraFixture>
{
    /// <summary>One function as the host sees it: its name, entry point and bindings (raw JSON, as generated).</summary>
    public sealed record HostFunction(string Name, string EntryPoint, IReadOnlyList<JsonElement> Bindings)
    {
        public JsonElement Trigger => Bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

        public string TriggerType => Trigger.GetProperty("type").GetString()!;

        public string? Setting(string name) => Trigger.TryGetProperty(name, out var value) ? value.ToString() : null;
    }

    /// <summary>What the worker answers the host (GeneratedFunctionMetadataProvider, emitted by the Sdk at build).</summary>
    public static async Task<IReadOnlyList<HostFunction>> GeneratedAsync()
    {
        var metadata = await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppContext.BaseDirectory);
        return metadata.Select(m => new HostFunction(m.Name!, m.EntryPoint!, m.RawBindings!.Select(b => JsonDocument.Parse(b).RootElement.Clone()).ToList())).ToList();
    }

    /// <summary>functions.metadata as the build wrote it (the host reads this file when worker indexing is off).</summary>
    public static IReadOnlyList<HostFunction> FromFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(f => new HostFunction(
            f.GetProperty("name").GetString()!, f.GetProperty("entryPoint").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList())).ToList();
    }

    [Fact]
    public async Task Every_route_of_the_library_is_an_http_function_with_its_method_route_and_authorization()
    {
        var http = (await GeneratedAsync()).Where(f => f.TriggerType == "httpTrigger").ToDictionary(f => f.Name);

        Assert.Equal(HttpEndpoints.All.Select(r => r.Name).Order(), http.Keys.Order());
        foreach (var route in HttpEndpoints.All)
        {
            var function = http[route.Name];
            Assert.Equal([route.Method.ToLowerInvariant()], function.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(route.Route.Length == 0 ? HttpEndpoints.FunctionsRootRoute : route.Route, function.Setting("route"));
            // Admin JSON routes (automation): the host refuses a request without a function key before the worker sees
            // it. Admin pages are anonymous at the host: Easy Auth signs the person in and the worker requires the role.
            Assert.Equal(route.Admin ? "Function" : "Anonymous", function.Setting("authLevel"));
            Assert.Contains(function.Bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
        }
    }

    [Fact]
    public void Only_the_json_admin_routes_take_the_function_key_and_every_admin_page_needs_a_signed_in_admin()
    {
        Assert.Equal(["AdminIssue", "AdminIssues", "AdminPoisonedBatches", "AdminReview"], HttpEndpoints.All.Where(r => r.Admin).Select(r => r.Name).Order());
        Assert.Equal(["AdminImportDepartments", "AdminIssuePage", "AdminLogout", "AdminPage", "AdminReingest", "AdminRetryPoisonedBatch", "AdminSetDepartmentEmail", "AdminSettleReview"],
            HttpEndpoints.All.Where(r => r.ForSignedInAdmin).Select(r => r.Name).Order());
        // Every admin page or button (by its path) is one of them; only the way in is open.
        Assert.All(HttpEndpoints.All.Where(r => r.Route.StartsWith("admin", StringComparison.Ordinal) && r.Route != Routes.AdminLogin), r => Assert.True(r.ForSignedInAdmin, r.Name));
    }

    [Fact]
    public async Task Every_background_function_has_the_trigger_container_queue_and_schedule_setting_the_library_defines()
    {
        var functions = (await GeneratedAsync()).Where(f => f.TriggerType != "httpTrigger").ToDictionary(f => f.Name);

        Assert.Equal(BackgroundFunctions.All.Order(), functions.Keys.Order());

        var ingest = functions[BackgroundFunctions.IngestIssue];
        Assert.Equal("blobTrigger", ingest.TriggerType);
        Assert.Equal(new StorageNames().IssuesContainer + "/{name}", ingest.Setting("path"));
        Assert.Equal("EventGrid", ingest.Setting("source")); // the only blob source on Flex Consumption

        Assert.Equal("queueTrigger", functions[BackgroundFunctions.SendEmailBatch].TriggerType);
        Assert.Equal(new StorageNames().EmailBatches, functions[BackgroundFunctions.SendEmailBatch].Setting("queueName"));
        Assert.Equal("queueTrigger", functions[BackgroundFunctions.RecordPoisonedBatch].TriggerType);
        Assert.Equal(new StorageNames().EmailBatchesPoison, functions[BackgroundFunctions.RecordPoisonedBatch].Setting("queueName"));

        foreach (var timer in BackgroundFunctions.Timers)
        {
            Assert.Equal("timerTrigger", functions[timer.Name].TriggerType);
            Assert.Equal($"%{timer.ScheduleSetting}%", functions[timer.Name].Setting("schedule"));
        }
    }

    [Fact]
    public async Task The_metadata_file_the_build_writes_says_what_the_worker_answers()
    {
        var generated = await GeneratedAsync();
        var file = FromFile(Path.Combine(AppContext.BaseDirectory, "functions.metadata"));

        Assert.Equal(generated.Select(f => f.Name).Order(), file.Select(f => f.Name).Order());
        foreach (var function in generated)
        {
            var written = file.Single(f => f.Name == function.Name);
            Assert.Equal(function.EntryPoint, written.EntryPoint);
            foreach (var setting in new[] { "type", "path", "source", "queueName", "schedule", "route", "authLevel" })
            {
                Assert.Equal(function.Setting(setting), written.Setting(setting));
            }
        }
    }

    [Fact]
    public async Task Gazette_serve_runs_the_same_background_functions_on_the_same_schedule_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "outbox",
            ["Mail:Outbox"] = Directory.CreateTempSubdirectory("gazette-serve-set-").FullName,
            ["LinkSigningSecret"] = Scenario.LinkSecret,
            [Schedules.RetentionSetting] = "0 0 3 * * *", // a setting the runner must read, not its default
        }).Build();
        var timers = (await GeneratedAsync()).Where(f => f.TriggerType == "timerTrigger").ToList();

        // Built, not started: the hosted jobs it registers are what `gazette serve` runs.
        var jobs = await LocalRunner.HostedJobsAsync(new LocalRunnerOptions(configuration, TextWriter.Null) { AdminKey = "k", Storage = AzuriteFixture.NewStorage() });

        var timerJobs = jobs.OfType<TimerJob>().ToList();
        Assert.Equal(timers.Count, timerJobs.Count);
        foreach (var timer in BackgroundFunctions.Timers)
        {
            Assert.Equal(configuration[timer.ScheduleSetting] ?? timer.DefaultSchedule, timerJobs.Single(j => j.Name == timer.ShortName).Schedule);
        }

        Assert.Single(jobs.OfType<BlobWatcher>());   // IngestIssue
        Assert.Single(jobs.OfType<QueueConsumer>()); // SendEmailBatch, and RecordPoisonedBatch after the last attempt
    }

    [Fact]
    public async Task Every_setting_a_binding_names_is_in_the_sample_settings_and_deployed_by_infra()
    {
        var functions = await GeneratedAsync();
        var named = functions.SelectMany(f => f.Bindings).SelectMany(b => SettingReference().Matches(b.GetRawText()).Select(m => m.Groups[1].Value)).Distinct().ToList();
        // Storage triggers without a Connection use the host's AzureWebJobsStorage.
        var connections = functions.Where(f => f.TriggerType is "blobTrigger" or "queueTrigger").Select(f => f.Setting("connection") ?? "AzureWebJobsStorage").Distinct().ToList();

        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "local.settings.sample.json")));
        using var template = infra.Template();
        var deployed = BicepTests.AppSettings(template.RootElement);

        Assert.Equal(BackgroundFunctions.Timers.Select(t => t.ScheduleSetting).Order(), named.Order());
        foreach (var setting in named)
        {
            Assert.True(sample.RootElement.GetProperty("Values").TryGetProperty(setting, out _), $"{setting} missing from local.settings.sample.json");
            Assert.True(deployed.TryGetProperty(setting, out _), $"{setting} not deployed by infra/");
        }

        Assert.Equal(["AzureWebJobsStorage"], connections);
        Assert.True(sample.RootElement.GetProperty("Values").TryGetProperty("AzureWebJobsStorage", out _));
        // In Azure the connection is identity-based: the same name with __accountName (and service URIs), no key.
        Assert.True(deployed.TryGetProperty("AzureWebJobsStorage__accountName", out _));
        Assert.True(deployed.TryGetProperty("AzureWebJobsStorage__queueServiceUri", out _));
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
