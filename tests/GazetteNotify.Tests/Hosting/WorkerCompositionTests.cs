using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Departments;
using GazetteNotify.Functions;
using GazetteNotify.Functions.Http;
using GazetteNotify.Functions.Jobs;
using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GazetteNotify.Tests.Hosting;

/// <summary>
/// The Functions worker's host built as Program.cs builds it (WorkerComposition, settings pointed at Azurite and a
/// WireMock SendGrid; the gRPC client to the Functions host is never started), each function class resolved from its
/// container and invoked — and the same inputs given to `gazette serve` on a storage of its own: both hosts must come to
/// the same outcome.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class WorkerCompositionTests(WorkerCompositionTests.TwoHosts hosts) : IClassFixture<WorkerCompositionTests.TwoHosts>
{
    private const string AdminKey = "test-admin-key-0123456789";

    /// <summary>08:00 China time on 2022-06-20: the day the demo reminds on, with the 2022-06 sample's limits ahead.</summary>
    private static readonly DateTimeOffset Start = new(2022, 6, 20, 0, 0, 5, TimeSpan.Zero);

    /// <summary>The worker and a `gazette serve` runner, each with its own storage and its own SendGrid fake.</summary>
    public sealed class TwoHosts : IAsyncLifetime
    {
        public ShiftedClock Clock { get; } = ShiftedClock.StartingAt(Start);

        public GazetteStorage WorkerStorage { get; } = AzuriteFixture.NewStorage();

        public GazetteStorage ServeStorage { get; } = AzuriteFixture.NewStorage();

        public WireMockServer WorkerSendGrid { get; } = AcceptingSendGrid();

        public WireMockServer ServeSendGrid { get; } = AcceptingSendGrid();

        public IHost Worker { get; private set; } = null!;

        public LocalRunner Serve { get; private set; } = null!;

        public HttpClient ServeClient { get; private set; } = null!;

        private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-worker-").FullName;

        private Dictionary<string, string?> Settings(WireMockServer sendGrid, string timerSchedule) => new()
        {
            ["GazetteStorage"] = "UseDevelopmentStorage=true",
            ["Mail:Transport"] = "sendgrid",
            ["SendGrid:ApiKey"] = "SG.test-key-not-real",
            ["SendGrid:Host"] = sendGrid.Url,
            ["Mail:Outbox"] = _outbox,
            ["LinkSigningSecret"] = Scenario.LinkSecret,
            ["PublicBaseUrl"] = "https://gazette.example.org/",
            [Schedules.TopicAlertsSetting] = timerSchedule,
            [Schedules.DeadlineRemindersSetting] = timerSchedule,
            [Schedules.RetentionSetting] = timerSchedule,
            // The worker behind App Service Authentication, as Bicep deploys it (serve signs admins in with its own key).
            [AdminSignInSettings.EasyAuthSetting] = "true",
        };

        public async Task InitializeAsync()
        {
            // The worker: Program.cs's builder and registrations; the test's storage names (a prefix of its own in the
            // shared Azurite) and the clock of 2022-06-20 are the only additions.
            var builder = FunctionsApplication.CreateBuilder([]);
            builder.Configuration.AddInMemoryCollection(Settings(WorkerSendGrid, Schedules.TopicAlertsDefault));
            builder.AddGazetteNotifyWorker();
            builder.Services.AddSingleton(WorkerStorage);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Worker = builder.Build();

            // `gazette serve` with the same settings, its timers every 3 seconds (the jobs catch up and never repeat).
            await ServeStorage.EnsureCreatedAsync();
            await WorkerStorage.EnsureCreatedAsync();
            foreach (var storage in new[] { WorkerStorage, ServeStorage }) await SeedAsync(storage);
            Serve = await LocalRunner.StartAsync(new LocalRunnerOptions(
                new ConfigurationBuilder().AddInMemoryCollection(Settings(ServeSendGrid, "*/3 * * * * *")).Build(), TextWriter.Null)
            {
                Port = 0,
                Storage = ServeStorage,
                Clock = Clock,
                AdminKey = AdminKey,
                WatchInterval = TimeSpan.FromMilliseconds(200),
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
            });
            ServeClient = new HttpClient { BaseAddress = Serve.BaseUrl };
        }

        /// <summary>What both storages hold before either host runs: a reader, two departments' addresses, an address unsubscribed 40 days ago.</summary>
        private async Task SeedAsync(GazetteStorage storage)
        {
            await Scenario.SubscribeAsync(storage, Clock, "reader@example.com", Scenario.Keywords("居住证"));
            var departments = new DepartmentStore(storage);
            await departments.SaveAsync((await departments.LoadAsync())
                .WithEmail("finance", "caizheng@lc.example.gov.cn")
                .WithEmail("natural-resources", "ziran@lc.example.gov.cn"));
            var past = new ShiftedClock(Clock, TimeSpan.FromDays(-40));
            var store = new SubscriberStore(storage, past);
            var request = await store.RequestAsync(EmailAddress.Parse("gone@example.com"), Scenario.Keywords("税"));
            await store.ConfirmAsync(EmailAddress.Parse("gone@example.com"), request.RequestId!);
            await store.UnsubscribeAsync(EmailAddress.Parse("gone@example.com"));
        }

        public async Task DisposeAsync()
        {
            ServeClient.Dispose();
            await Serve.DisposeAsync();
            Worker.Dispose();
            WorkerSendGrid.Stop();
            ServeSendGrid.Stop();
            Directory.Delete(_outbox, recursive: true);
        }

        /// <summary>A function class as the worker activates it: constructor arguments from the worker's container.</summary>
        public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Worker.Services);

        private static WireMockServer AcceptingSendGrid()
        {
            var server = WireMockServer.Start();
            server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
            return server;
        }
    }

    /// <summary>Each mail a SendGrid fake accepted: (recipient, subject), one per personalization.</summary>
    private static List<(string To, string Subject)> Mails(WireMockServer sendGrid) =>
        sendGrid.LogEntries.SelectMany(entry =>
        {
            var body = JsonDocument.Parse(entry.RequestMessage!.Body!).RootElement;
            var subject = body.TryGetProperty("subject", out var s) ? s.GetString() : null;
            return body.GetProperty("personalizations").EnumerateArray().SelectMany(p => p.GetProperty("to").EnumerateArray().Select(to =>
                (to.GetProperty("email").GetString()!, p.TryGetProperty("subject", out var ps) ? ps.GetString()! : subject!)));
        }).ToList();

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }

        Assert.Fail($"gazette serve: not within {seconds} s: {what}");
    }

    private static async Task<TableEntity?> IssueRowAsync(GazetteStorage storage, string key) =>
        (await storage.Table(storage.Names.IssuesTable).GetEntityIfExistsAsync<TableEntity>("issues", key)) is { HasValue: true } row ? row.Value : null;

    private static async Task<List<string>> RowKeysAsync(GazetteStorage storage, string table) =>
        (await storage.Table(table).QueryAsync<TableEntity>().ToListAsync()).Select(r => $"{r.PartitionKey}/{r.RowKey}").Order().ToList();

    private async Task IngestOnBothAsync()
    {
        if (await IssueRowAsync(hosts.WorkerStorage, "2022-06") is null)
        {
            // The worker: the blob trigger hands the function the uploaded blob and its name.
            var blob = hosts.WorkerStorage.Issues.GetBlobClient(Samples.Issue2022_06);
            await blob.UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)), overwrite: true);
            await hosts.Function<IngestIssueFunction>().Run(blob, Samples.Issue2022_06, CancellationToken.None);
        }

        // `gazette serve`: the same upload, found by its blob watcher.
        await hosts.ServeStorage.Issues.GetBlobClient(Samples.Issue2022_06).UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)), overwrite: true);
        await Eventually(async () => (await IssueRowAsync(hosts.ServeStorage, "2022-06"))?.GetString("Status") == "ingested", "the watcher ingests the upload");
    }

    [Fact]
    public void Every_function_class_resolves_from_the_workers_container()
    {
        var types = typeof(WorkerComposition).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0)).ToList();

        Assert.Equal(HttpEndpoints.All.Count + BackgroundFunctions.All.Count, types.Count);
        Assert.All(types, t => Assert.NotNull(ActivatorUtilities.CreateInstance(hosts.Worker.Services, t)));
    }

    [Fact]
    public async Task An_upload_is_stored_alike_by_the_blob_function_and_by_serves_watcher_and_a_second_trigger_changes_nothing()
    {
        await IngestOnBothAsync();

        var worker = (await IssueRowAsync(hosts.WorkerStorage, "2022-06"))!;
        var serve = (await IssueRowAsync(hosts.ServeStorage, "2022-06"))!;
        foreach (var column in new[] { "Status", "Title", "Year", "IssueNumbers", "ContentSha256", "Documents", "Tasks", "Deadlines", "WarningCount", "Warnings" })
        {
            Assert.Equal(serve[column]?.ToString(), worker[column]?.ToString());
        }

        Assert.Equal("ingested", worker.GetString("Status"));
        foreach (var table in new[] { hosts.WorkerStorage.Names.DocumentsTable, hosts.WorkerStorage.Names.TasksTable, hosts.WorkerStorage.Names.DeadlinesTable })
        {
            var serveTable = hosts.ServeStorage.Names.Prefix + table[hosts.WorkerStorage.Names.Prefix.Length..];
            var rows = await RowKeysAsync(hosts.WorkerStorage, table);
            Assert.NotEmpty(rows);
            Assert.Equal(await RowKeysAsync(hosts.ServeStorage, serveTable), rows);
        }

        // At least once: the trigger fires again for the same blob; nothing is rewritten.
        var blob = hosts.WorkerStorage.Issues.GetBlobClient(Samples.Issue2022_06);
        await hosts.Function<IngestIssueFunction>().Run(blob, Samples.Issue2022_06, CancellationToken.None);
        Assert.Equal(worker.ETag, (await IssueRowAsync(hosts.WorkerStorage, "2022-06"))!.ETag);
    }

    [Fact]
    public async Task Timers_and_the_queue_function_mail_what_serve_mails_each_recipient_once_and_retention_erases_alike()
    {
        await IngestOnBothAsync();
        var queue = hosts.WorkerStorage.Queue(hosts.WorkerStorage.Names.EmailBatches);

        // The worker: each timer function with a TimerInfo, then every email-batches message through the queue function.
        await hosts.Function<SendTopicAlertsFunction>().Run(new TimerInfo(), CancellationToken.None);
        await hosts.Function<SendDeadlineRemindersFunction>().Run(new TimerInfo(), CancellationToken.None);
        await hosts.Function<ApplyRetentionFunction>().Run(new TimerInfo(), CancellationToken.None);
        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.True(messages.Length >= 2, $"alerts and reminders queue batches ({messages.Length})");
        var send = hosts.Function<SendEmailBatchFunction>();
        foreach (var message in messages) await send.Run(message.MessageText, CancellationToken.None);
        foreach (var message in messages) await send.Run(message.MessageText, CancellationToken.None); // delivered twice
        var worker = Mails(hosts.WorkerSendGrid).Where(m => !m.To.StartsWith("new-", StringComparison.Ordinal)).ToList();

        Assert.Contains(worker, m => m.To == "reader@example.com");
        Assert.Contains(worker, m => m.To == "caizheng@lc.example.gov.cn");
        Assert.Equal(worker.Count, worker.Distinct().Count()); // nobody twice

        // `gazette serve`: its timers and queue consumer, on the same inputs, send the same mails.
        await Eventually(() => Task.FromResult(Mails(hosts.ServeSendGrid).Count(m => !m.To.StartsWith("new-", StringComparison.Ordinal)) >= worker.Count),
            $"serve mails what the worker mailed ({worker.Count})");
        var serve = Mails(hosts.ServeSendGrid).Where(m => !m.To.StartsWith("new-", StringComparison.Ordinal)).ToList();
        Assert.Equal(worker.Order(), serve.Order());

        // Retention: the address unsubscribed 40 days ago is erased by both.
        await Eventually(async () => await new SubscriberStore(hosts.ServeStorage, hosts.Clock).GetAsync(EmailAddress.Parse("gone@example.com")) is null, "serve's retention timer erases");
        Assert.Null(await new SubscriberStore(hosts.WorkerStorage, hosts.Clock).GetAsync(EmailAddress.Parse("gone@example.com")));
        Assert.NotNull(await new SubscriberStore(hosts.WorkerStorage, hosts.Clock).GetAsync(EmailAddress.Parse("reader@example.com")));
    }

    /// <summary>One request through an HTTP function of the worker: a real HttpContext in, its IActionResult written out.</summary>
    private async Task<(int Status, string ContentType, string Body)> InvokeAsync(string function, string method, string pathAndQuery, Dictionary<string, string>? form = null,
        Dictionary<string, string>? headers = null)
    {
        var type = typeof(WorkerComposition).Assembly.GetTypes().Single(t => t.Name == function + "Function");
        var instance = ActivatorUtilities.CreateInstance(hosts.Worker.Services, type);
        var context = new DefaultHttpContext { RequestServices = hosts.Worker.Services };
        var (path, query) = pathAndQuery.Split('?', 2) is [var p, var q] ? (p, "?" + q) : (pathAndQuery, "");
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("gazette.example.org");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        foreach (var (name, value) in headers ?? []) context.Request.Headers[name] = value;
        if (form is not null)
        {
            context.Request.ContentType = "application/x-www-form-urlencoded";
            var bytes = Encoding.UTF8.GetBytes(new FormUrlEncodedContent(form).ReadAsStringAsync().Result);
            context.Request.ContentLength = bytes.Length; // as the Functions host passes it on
            context.Request.Body = new MemoryStream(bytes);
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        var run = type.GetMethod("Run")!;
        var result = await (Task<IActionResult>)run.Invoke(instance, [context.Request, CancellationToken.None])!;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var location = context.Response.Headers.Location.ToString();
        return (context.Response.StatusCode, context.Response.ContentType ?? "", location.Length > 0 ? "Location: " + location : Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>The same request to `gazette serve` over HTTP.</summary>
    private async Task<(int Status, string ContentType, string Body)> ServeAsync(string method, string pathAndQuery, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery.TrimStart('/'));
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        using var response = await hosts.ServeClient.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Times of day differ between two runs (ingested at, feed updated), and every sealed token has a nonce of its own: masked before comparing.</summary>
    private static string Timeless(string body) => SealedToken().Replace(Timestamp().Replace(body, "T"), "v2.TOKEN");

    [GeneratedRegex(@"v2\.[A-Za-z0-9_-]+")]
    private static partial Regex SealedToken();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    public static TheoryData<string, string, string> Requests => new()
    {
        { "SubscriptionForm", "GET", "/" },
        { "TopicFeed", "GET", "/feeds/topics/public-security-justice.atom" },
        { "IssuerFeed", "GET", "/feeds/issuers/" + Uri.EscapeDataString("聊城市人民政府") + ".atom" },
        { "ConfirmPage", "GET", "/confirm?token=not-a-token" },
        { "Confirm", "POST", "/confirm?token=not-a-token" },
        { "ManagePage", "GET", "/manage?token=not-a-token" },
        { "UnsubscribePage", "GET", "/unsubscribe?token=not-a-token" },
        { "AcknowledgeTaskPage", "GET", "/tasks/acknowledge?token=not-a-token" },
        { "AdminIssues", "GET", "/api/admin/issues?code=" + AdminKey },
        { "AdminIssue", "GET", "/api/admin/issues/2022-06?code=" + AdminKey },
        // The admin page is for a signed-in person, who differs by host: An_admin_page_in_azure_opens_only_to_a_person_with_the_admin_role.
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_http_function_answers_as_serve_answers_the_same_request(string function, string method, string pathAndQuery)
    {
        await IngestOnBothAsync();

        var worker = await InvokeAsync(function, method, pathAndQuery);
        var serve = await ServeAsync(method, pathAndQuery);

        Assert.Equal(serve.Status, worker.Status);
        Assert.Equal(serve.ContentType, worker.ContentType);
        Assert.Equal(Timeless(WithoutSends(serve.Body)), Timeless(WithoutSends(worker.Body)));
    }

    /// <summary>
    /// The admin page's 最近发送 table lists what the timers sent, and serve's timers fire on their own every 3 seconds
    /// while the worker's run only when a test calls them: whether a send is listed yet depends on timing, not on the
    /// host. What the timers send is compared by the timers test; here the rest of the page must be the same.
    /// </summary>
    private static string WithoutSends(string body)
    {
        var start = body.IndexOf("<h2>最近发送", StringComparison.Ordinal);
        var end = start < 0 ? -1 : body.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return start < 0 || end < 0 ? body : body[..start] + body[end..];
    }

    [Fact]
    public async Task Subscribing_through_either_host_sends_one_confirmation_and_admin_routes_need_a_key()
    {
        var worker = await InvokeAsync("Subscribe", "POST", "/subscribe", new() { ["email"] = "new-worker@example.com", ["keywords"] = "居住证", ["frequency"] = "Daily" });
        var serve = await ServeAsync("POST", "/subscribe", new() { ["email"] = "new-serve@example.com", ["keywords"] = "居住证", ["frequency"] = "Daily" });

        Assert.Equal((200, 200), (worker.Status, serve.Status));
        Assert.Equal(serve.Body.Replace("new-serve", "new-worker", StringComparison.Ordinal), worker.Body);
        var confirmation = Assert.Single(Mails(hosts.WorkerSendGrid), m => m.To == "new-worker@example.com");
        Assert.Equal(Assert.Single(Mails(hosts.ServeSendGrid), m => m.To == "new-serve@example.com").Subject, confirmation.Subject);
        Assert.Equal(SubscriptionStatus.Pending, (await new SubscriberStore(hosts.WorkerStorage, hosts.Clock).GetAsync(EmailAddress.Parse("new-worker@example.com")))!.Status);

        // An admin route without its key: serve answers 401; in Azure the Functions host refuses it before the worker,
        // because the function's authorization level is Function (the worker holds no copy of the host's keys).
        Assert.Equal(401, (await ServeAsync("GET", "/api/admin/issues")).Status);
        var adminIssues = (await FunctionMetadataTests.GeneratedAsync()).Single(f => f.Name == "AdminIssues");
        Assert.Equal("Function", adminIssues.Setting("authLevel"));
    }

    /// <summary>Easy Auth's principal header as App Service sets it: base64 JSON with the person's claims.</summary>
    private static Dictionary<string, string> Principal(string name, string oid, params string[] roles) => new()
    {
        [EasyAuthPrincipal.Header] = Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            auth_typ = "aad", name_typ = "name", role_typ = "roles",
            claims = new[] { new { typ = "name", val = name }, new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = oid } }
                .Concat(roles.Select(r => new { typ = "roles", val = r })),
        }))),
    };

    [Fact]
    public async Task An_admin_page_in_azure_opens_only_to_a_person_with_the_admin_role_and_records_who_acted()
    {
        await IngestOnBothAsync();
        var adminPage = (await FunctionMetadataTests.GeneratedAsync()).Single(f => f.Name == "AdminPage");
        Assert.Equal("Anonymous", adminPage.Setting("authLevel")); // the host lets it through; the worker decides

        var nobody = await InvokeAsync("AdminPage", "GET", "/admin");
        Assert.Equal((303, "Location: /.auth/login/aad?post_login_redirect_uri=%2Fadmin"), (nobody.Status, nobody.Body));
        var withoutRole = await InvokeAsync("AdminPage", "GET", "/admin", headers: Principal("李四", "1111-oid", "Gazette.Reader"));
        Assert.Equal(403, withoutRole.Status);
        Assert.Contains("没有管理权限", withoutRole.Body);
        Assert.Equal(403, (await InvokeAsync("AdminSettleReview", "POST", "/admin/review/settle", new() { ["key"] = "x", ["dismiss"] = "1" }, Principal("李四", "1111-oid"))).Status);

        var admin = Principal("王敏", "2222-oid", "Gazette.Admin");
        var page = await InvokeAsync("AdminPage", "GET", "/admin", headers: admin);
        Assert.Equal(200, page.Status);
        Assert.Contains("当前登录：王敏（2222-oid）", page.Body);
        var csrf = Regex.Match(page.Body, "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var limit = (await Jobs.Deadlines(hosts.WorkerStorage).ReviewListAsync()).First(r => r.Dismissed != true).LimitKey;
        var settled = await InvokeAsync("AdminSettleReview", "POST", "/admin/review/settle", new() { ["csrf"] = csrf, ["key"] = limit, ["dismiss"] = "1" }, admin);
        Assert.Equal(200, settled.Status);
        Assert.Contains("已完成", settled.Body);
        var record = (await new GazetteNotify.Admin.AdminAudit(hosts.WorkerStorage, hosts.Clock).RecentAsync(10)).First(a => a.Target == limit);
        Assert.Equal("王敏（2222-oid）", record.Who);
        // Another person's page token does not carry over: each form is bound to whom it was served.
        Assert.Equal(403, (await InvokeAsync("AdminSettleReview", "POST", "/admin/review/settle", new() { ["csrf"] = csrf, ["key"] = limit, ["dismiss"] = "1" },
            Principal("赵六", "3333-oid", "Gazette.Admin"))).Status);
    }
}
