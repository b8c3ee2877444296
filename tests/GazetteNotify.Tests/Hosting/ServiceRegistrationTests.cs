using System.Text;
using System.Text.Json;
using GazetteNotify.Alerts;
using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GazetteNotify.Tests.Hosting;

/// <summary>What a host gets from AddGazetteNotify: settings checked at start, jobs in queue mode, endpoints that answer requests.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-hosting-").FullName;
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private ServiceProvider Services(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GazetteStorage"] = "UseDevelopmentStorage=true",
            ["Mail:Transport"] = "outbox",
            ["Mail:Outbox"] = _outbox,
            ["LinkSigningSecret"] = Scenario.LinkSecret,
            ["PublicBaseUrl"] = "https://gazette.example.org",
        };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var services = new ServiceCollection().AddGazetteNotify(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(_storage); // this test's own prefixed tables and containers
        return services.BuildServiceProvider();
    }

    private static HttpRequest Request(string method, string path, string? query = null, Dictionary<string, string>? form = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (query is not null) context.Request.QueryString = new QueryString(query);
        if (form is not null)
        {
            var body = string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return context.Request;
    }

    [Fact]
    public void Settings_are_read_once_and_a_missing_secret_is_refused_at_start_in_one_line()
    {
        using var services = Services(new() { ["Reminders:Offsets"] = "14,1" });
        Assert.Equal(new Uri("https://gazette.example.org/"), services.GetRequiredService<SiteSettings>().PublicBaseUrl);
        Assert.Equal([14, 1], services.GetRequiredService<ReminderSettings>().Offsets);
        Assert.IsType<OutboxTransport>(services.GetRequiredService<IMailTransport>());

        var noKey = Assert.Throws<SettingsException>(() => Services(new() { ["Mail:Transport"] = "sendgrid" }));
        Assert.Contains("SendGrid:ApiKey is not set", noKey.Message);
        Assert.Throws<SettingsException>(() => Services(new() { ["Mail:Transport"] = "pigeon" }));
        using var noSecret = Services(new() { ["LinkSigningSecret"] = null });
        Assert.Throws<SettingsException>(() => noSecret.GetRequiredService<HttpEndpoints>());
    }

    [Fact]
    public async Task Hosted_jobs_fan_out_through_the_queue()
    {
        using var services = Services();
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "reader@example.com", Scenario.Keywords("居住证"));

        var run = await services.GetRequiredService<SendTopicAlerts>().RunAsync();

        Assert.Equal((1, 0), (run.Batches, run.Sent)); // queued, not sent inline
        var message = (await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessageAsync()).Value;
        Assert.Equal(1, (await services.GetRequiredService<SendEmailBatch>().RunAsync(message.MessageText)).Sent);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task Endpoints_answer_requests_as_both_hosts_pass_them()
    {
        using var services = Services();
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        await Scenario.IngestAsync(_storage, TimeProvider.System, Samples.Issue2022_06);

        var form = await endpoints.HandleAsync("SubscriptionForm", Request("GET", "/"));
        Assert.Contains("<form method=\"post\" action=\"/subscribe\">", form.Html);

        var subscribed = await endpoints.HandleAsync("Subscribe", Request("POST", "/subscribe", form: new() { ["email"] = "Reader@Example.com", ["keywords"] = "居住证", ["frequency"] = "Daily" }));
        Assert.Equal(200, subscribed.Status);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml")); // the confirmation

        // Route values filled by nobody (the Functions host routes before the worker): matched against the template.
        var feed = await endpoints.HandleAsync("TopicFeed", Request("GET", "/feeds/topics/public-security-justice.atom"));
        Assert.Equal((200, FeedHandlers.AtomContentType), (feed.Status, feed.ContentType));
        Assert.Contains("聊城市居住证实施办法", feed.Html);

        var issues = await endpoints.HandleAsync("AdminIssues", Request("GET", "/api/admin/issues"));
        Assert.Equal("2022-06", JsonDocument.Parse(issues.Html).RootElement[0].GetProperty("Key").GetString());
        Assert.Equal(404, (await endpoints.HandleAsync("AdminIssue", Request("GET", "/api/admin/issues/1999-01"))).Status);

        var events = Request("POST", "/api/sendgrid/events");
        events.Body = new MemoryStream("[{\"email\":\"reader@example.com\",\"event\":\"spamreport\"}]"u8.ToArray());
        Assert.Equal(403, (await endpoints.HandleAsync("SendGridEvents", events)).Status); // unsigned: nothing recorded
        Assert.Empty(await SendGridEvents.SuppressedAsync(_storage));
    }

    [Fact]
    public async Task A_signed_webhook_post_counts_what_it_did_and_the_same_post_replayed_an_hour_later_is_refused()
    {
        using var sendGrid = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var services = Services(new() { ["SendGrid:WebhookPublicKey"] = Convert.ToBase64String(sendGrid.ExportSubjectPublicKeyInfo()) });
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "leaving@example.com", Scenario.Keywords("居住证"));
        var body = "[{\"email\":\"leaving@example.com\",\"event\":\"unsubscribe\"},{\"email\":\"leaving@example.com\",\"event\":\"open\"}]"u8.ToArray();
        HttpRequest Signed(DateTimeOffset at)
        {
            var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var request = Request("POST", "/api/sendgrid/events");
            request.Body = new MemoryStream(body);
            request.Headers[SendGridEvents.TimestampHeader] = timestamp;
            request.Headers[SendGridEvents.SignatureHeader] = Convert.ToBase64String(sendGrid.SignData(
                [.. Encoding.UTF8.GetBytes(timestamp), .. body], System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
            return request;
        }

        var now = await endpoints.HandleAsync("SendGridEvents", Signed(DateTimeOffset.UtcNow));
        Assert.Equal((200, "2 events: 1 unsubscribed, 0 suppressed"), (now.Status, now.Html)); // it said "0 events" before

        // The same post again inside the 5 minutes: taken (SendGrid would retry a refusal), done nothing, and said so.
        var again = await endpoints.HandleAsync("SendGridEvents", Signed(DateTimeOffset.UtcNow));
        Assert.Equal((200, "0 events: 0 unsubscribed, 0 suppressed; 2 already processed"), (again.Status, again.Html));

        var replayed = await endpoints.HandleAsync("SendGridEvents", Signed(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(403, replayed.Status); // correctly signed, but an hour old
    }

    [Fact]
    public async Task A_poisoned_batch_is_recorded_for_the_admin_with_what_it_was_and_why_it_failed()
    {
        using var services = Services();
        await _storage.EnsureCreatedAsync();
        var batches = services.GetRequiredService<EmailBatches>();
        var ledger = services.GetRequiredService<DeliveryLedger>();
        var recipient = new BatchRecipient("a@example.com", "k1", "run-9-k1", new RecipientLinks("", "", ""));
        await batches.EnqueueAsync(new EmailBatch("run-9", "聊城市人民政府公报：2 份新文件", "<p>x</p>", "x", new Dictionary<string, string>(), [recipient]));
        await ledger.BeginAsync("run-9", "k1", default);
        await ledger.CompleteAsync("run-9", "k1", new MailSendResult(false, null, "SendGrid 400: invalid from address", false), default);
        var message = (await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessageAsync()).Value;
        var poisoned = services.GetRequiredService<PoisonedBatches>();

        await poisoned.RecordAsync(message.MessageText, "msg-1", 5);
        await poisoned.RecordAsync(message.MessageText, "msg-1", 5); // the poison trigger fires again: still one row
        await poisoned.RecordAsync("not json at all", "msg-2", 1);

        var rows = await poisoned.ListAsync();
        Assert.Equal(2, rows.Count);
        var batch = rows.Single(r => r.RowKey == "msg-1");
        Assert.Equal(("run-9", 1, 0, 1, "SendGrid 400: invalid from address"),
            (batch.Run, batch.Recipients, batch.Sent, batch.Failed, batch.Error));
        Assert.StartsWith("not a readable batch", rows.Single(r => r.RowKey == "msg-2").Error, StringComparison.Ordinal);

        var admin = await services.GetRequiredService<HttpEndpoints>().HandleAsync("AdminPoisonedBatches", Request("GET", "/api/admin/poisoned-batches"));
        Assert.Contains("聊城市人民政府公报：2 份新文件", admin.Html);
    }
}
