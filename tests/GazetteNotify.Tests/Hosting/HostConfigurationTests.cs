using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GazetteNotify.Tests.Hosting;

/// <summary>host.json and local.settings.sample.json agree with what the library writes and reads.</summary>
[Collection(AzuriteGroup.Name)]
public class HostConfigurationTests
{
    private static JsonElement Json(params string[] path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([AzuriteFixture.RepoRoot(), .. path])), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

    /// <summary>
    /// The Functions host answers some requests itself (a JSON admin route without its key: 401; an unknown path: 404)
    /// before our code runs; host.json's customHeaders give those answers the baseline too. The host only adds a header
    /// the response lacks (TryAdd), so our pages keep theirs; and should one ever be added twice, nothing of ours may be
    /// overruled: the same values, and a policy without default-src or style-src (which would block the pages' styles).
    /// </summary>
    [Fact]
    public void The_functions_hosts_own_answers_carry_the_security_headers_without_overruling_ours()
    {
        var custom = Json("functions", "GazetteNotify.Functions", "host.json").GetProperty("extensions").GetProperty("http").GetProperty("customHeaders")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        Assert.Equal(SecurityHeaders.Baseline.Keys.Order(), custom.Keys.Order());
        foreach (var name in new[] { "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cache-Control" })
        {
            Assert.Equal(SecurityHeaders.Baseline[name], custom[name]);
        }

        var directives = custom["Content-Security-Policy"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.All(directives, d => Assert.Contains(d, SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal));
        Assert.DoesNotContain(directives, d => d.StartsWith("default-src", StringComparison.Ordinal) || d.StartsWith("style-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_messages_the_library_enqueues_are_base64_as_host_json_tells_the_trigger()
    {
        var queues = Json("functions", "GazetteNotify.Functions", "host.json").GetProperty("extensions").GetProperty("queues");
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());

        var storage = AzuriteFixture.NewStorage();
        await storage.EnsureCreatedAsync();
        await new EmailBatches(storage).EnqueueAsync(new EmailBatch("run-1", "主题", "<p>正文</p>", "正文", new Dictionary<string, string>(), []));

        // Read raw, as the Functions host does before decoding: it must be base64 of the JSON the job reads.
        var raw = new QueueClient("UseDevelopmentStorage=true", storage.Names.EmailBatches, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var message = (await raw.ReceiveMessageAsync()).Value;
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
        Assert.StartsWith("{\"Blob\":\"run-1/", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_json_routes_from_the_site_root_and_bounds_retries()
    {
        var host = Json("functions", "GazetteNotify.Functions", "host.json");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var queues = host.GetProperty("extensions").GetProperty("queues");
        Assert.InRange(queues.GetProperty("maxDequeueCount").GetInt32(), 2, 10);
        Assert.True(TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromSeconds(30));
    }

    /// <summary>Answers nothing, remembers every key asked for: queried first, it sees every read.</summary>
    private sealed class RecordingProvider : ConfigurationProvider, IConfigurationSource
    {
        public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            lock (Read) Read.Add(key);
            value = null;
            return false;
        }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
    }

    [Fact]
    public void The_sample_settings_list_every_setting_the_service_reads()
    {
        // Every key the library reads while the host composes it and resolves what it registered.
        var recorder = new RecordingProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ServiceSettings.LinkSigningSecretSetting] = Scenario.LinkSecret })
            .Add(recorder)
            .Build();
        var services = new ServiceCollection().AddGazetteNotify(configuration);
        using (var provider = services.BuildServiceProvider())
        {
            foreach (var singleton in services.Where(d => !d.ServiceType.IsGenericTypeDefinition)) provider.GetService(singleton.ServiceType);
        }

        var read = recorder.Read.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).Concat(BackgroundFunctions.Timers.Select(t => t.ScheduleSetting)).ToList();
        Assert.Contains(ServiceSettings.SendGridHostSetting.Replace(":", "__", StringComparison.Ordinal), read); // the recorder sees reads
        Assert.Contains("GazetteStorage__accountName", read);

        var values = Json("local.settings.sample.json").GetProperty("Values");
        var comments = Json("local.settings.sample.json").GetProperty("_comments");
        foreach (var setting in read)
        {
            Assert.True(values.TryGetProperty(setting, out _), $"{setting} missing from local.settings.sample.json");
            Assert.True(comments.TryGetProperty(setting, out _), $"{setting} has no explanation");
        }

        Assert.Equal(Schedules.TopicAlertsDefault, values.GetProperty(Schedules.TopicAlertsSetting).GetString());
        Assert.Equal(Schedules.DeadlineRemindersDefault, values.GetProperty(Schedules.DeadlineRemindersSetting).GetString());
        Assert.Equal(Schedules.RetentionDefault, values.GetProperty(Schedules.RetentionSetting).GetString());
        Assert.Equal("", values.GetProperty("SendGrid__ApiKey").GetString()); // no secret in the repo
    }
}
