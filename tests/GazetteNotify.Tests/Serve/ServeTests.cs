using System.Net;
using Azure.Data.Tables;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace GazetteNotify.Tests.Serve;

/// <summary>`gazette serve` in-process on a free port, on Azurite: routes, watcher, queue consumer, timers, two runners.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ServeTests : IDisposable
{
    private const string AdminKey = "test-admin-key-0123456789";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-serve-").FullName;
    private readonly StringWriter _log = new();

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private Task<LocalRunner> StartAsync(IMailTransport? transport = null, Dictionary<string, string?>? settings = null, bool timers = false, TimeSpan? visibility = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?> { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = _outbox };
        foreach (var (k, v) in settings ?? []) values[k] = v;
        return LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), TextWriter.Synchronized(_log))
        {
            Port = 0,
            Storage = _storage,
            LinkSecret = Scenario.LinkSecret,
            AdminKey = AdminKey,
            WatchInterval = TimeSpan.FromMilliseconds(200),
            QueuePollInterval = TimeSpan.FromMilliseconds(100),
            QueueVisibilityTimeout = visibility ?? TimeSpan.FromMinutes(1),
            Timers = timers,
            Transport = transport,
            Clock = clock,
        });
    }

    private async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }

        Assert.Fail($"not within {seconds} s: {what}\n{_log}");
    }

    private async Task<bool> IngestedAsync(string key) =>
        (await _storage.Table(_storage.Names.IssuesTable).GetEntityIfExistsAsync<TableEntity>("issues", key)).HasValue;

    [Fact]
    public async Task Routes_answer_as_in_azure_and_admin_routes_need_the_key()
    {
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };

        var form = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html; charset=utf-8", form.Content.Headers.ContentType!.ToString());
        Assert.Contains("订阅聊城市人民政府公报", await form.Content.ReadAsStringAsync());

        var subscribe = await http.PostAsync("/subscribe", new FormUrlEncodedContent([new("email", "reader@example.com"), new("keywords", "居住证")]));
        Assert.Equal(HttpStatusCode.OK, subscribe.StatusCode);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml")); // the confirmation

        // The admin pages: the login page, whatever the URL carries (AdminSessionTests has the session itself).
        Assert.Equal("/admin/login", (await http.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/admin/login", (await http.GetAsync($"/admin?code={AdminKey}")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/admin/issues?code=wrong")).StatusCode);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/admin/issues");
        withHeader.Headers.Add("x-functions-key", AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/feeds/topics/nothing.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.DeleteAsync("/subscribe")).StatusCode);
    }

    [Fact]
    public async Task A_blob_uploaded_by_anyone_is_ingested_within_seconds_and_not_again_after_a_restart()
    {
        await using (var runner = await StartAsync())
        {
            await _storage.Issues.GetBlobClient("uploaded-by-az.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
            await _storage.Issues.GetBlobClient("not-a-gazette.txt").UploadAsync(new BinaryData("这不是公报。"u8.ToArray()));
            await Eventually(() => IngestedAsync("2022-06"), "the watcher ingests the upload", 5);
            await Eventually(() => Task.FromResult(_log.ToString().Contains("not-a-gazette.txt: rejected", StringComparison.Ordinal)), "the rejection is reported");
        }

        var before = _log.ToString();
        await using (await StartAsync())
        {
            await Task.Delay(1000); // several watcher rounds
        }

        var after = _log.ToString()[before.Length..];
        Assert.DoesNotContain("ingest ", after); // handled blobs are remembered across restarts
    }

    [Fact]
    public async Task Batches_are_sent_once_and_a_batch_that_keeps_failing_ends_on_the_poison_queue_for_the_admin()
    {
        var batches = new EmailBatches(_storage);
        await _storage.EnsureCreatedAsync();
        var recipient = new BatchRecipient("a@example.com", "k-a", "run-1-k-a", new RecipientLinks("", "", ""));
        await batches.EnqueueAsync(new EmailBatch("run-1", "测试", "<p>测试</p>", "测试", new Dictionary<string, string>(), [recipient]));

        await using (await StartAsync())
        {
            await Eventually(() => Task.FromResult(Directory.GetFiles(_outbox, "*.eml").Length == 1), "the batch is sent");
            await Task.Delay(500);
        }

        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        Assert.Null((await _storage.Queue(_storage.Names.EmailBatches).PeekMessageAsync()).Value); // deleted once recorded

        var failing = new SmtpTransport("127.0.0.1", 1, new MailboxAddress("t", "t@gazette.local")); // nothing listens on port 1
        await batches.EnqueueAsync(new EmailBatch("run-2", "不会送达", "<p>x</p>", "x", new Dictionary<string, string>(), [recipient with { RecipientKey = "k-b", DeliveryId = "run-2-k-b" }]));
        await using (await StartAsync(failing, visibility: TimeSpan.FromSeconds(1)))
        {
            await Eventually(async () => (await new PoisonedBatches(_storage, batches, new DeliveryLedger(_storage, TimeProvider.System), TimeProvider.System).ListAsync()).Count == 1,
                "the batch is poisoned after 5 attempts", 30);
        }

        Assert.Equal(5, _log.ToString().Split('\n').Count(l => l.Contains("1 failed", StringComparison.Ordinal) && l.Contains("— retried", StringComparison.Ordinal)));
        Assert.NotNull((await _storage.Queue(_storage.Names.EmailBatchesPoison).PeekMessageAsync()).Value);
        Assert.Null((await _storage.Queue(_storage.Names.EmailBatches).PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_batch_waiting_out_a_killed_workers_lease_is_deferred_not_poisoned_and_sent_once_the_uncertain_window_ends()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var batches = new EmailBatches(_storage);
        await _storage.EnsureCreatedAsync();
        var recipient = new BatchRecipient("a@example.com", "k-a", "run-3-k-a", new RecipientLinks("", "", ""));
        await batches.EnqueueAsync(new EmailBatch("run-3", "测试", "<p>测试</p>", "测试", new Dictionary<string, string>(), [recipient]));
        // A worker claimed the delivery and was killed before recording it: `sending`, its lease running (10 minutes).
        Assert.Equal(DeliveryClaim.Go, await new DeliveryLedger(_storage, clock).ClaimAsync("run-3", "k-a", CancellationToken.None));

        await using (await StartAsync(visibility: TimeSpan.FromSeconds(1), clock: clock))
        {
            // More looks than the 5 attempts a failing batch gets: each a deferral, none counted towards poison.
            await Eventually(() => Task.FromResult(Deferrals() >= 7), "the batch is deferred again and again", 90);
            Assert.DoesNotContain("retried", _log.ToString(), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_outbox, "*.eml"));

            // The dead worker's lease ends: SendGrid may have the mail, so it waits for SendGrid's events (ADR 0047) —
            // still deferred, still not poisoned, nothing sent.
            clock.Advance(DeliveryLedger.SendingLease + TimeSpan.FromMinutes(1));
            var deferredBefore = Deferrals();
            await Eventually(() => Task.FromResult(Deferrals() >= deferredBefore + 3), "the uncertain delivery keeps the batch deferred", 60);
            Assert.Empty(Directory.GetFiles(_outbox, "*.eml"));
            Assert.Equal("uncertain", Assert.Single(await new DeliveryLedger(_storage, clock).ListAsync("run-3")).StatusName);

            clock.Advance(DeliveryLedger.UncertainWindow); // no event came within the window from the claim
            await Eventually(() => Task.FromResult(Directory.GetFiles(_outbox, "*.eml").Length == 1), "the delivery is taken over and sent", 60);
            await Eventually(async () => (await _storage.Queue(_storage.Names.EmailBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message is done with");
        }

        Assert.Empty(await new PoisonedBatches(_storage, batches, new DeliveryLedger(_storage, clock), clock).ListAsync());
        Assert.Null((await _storage.Queue(_storage.Names.EmailBatchesPoison).PeekMessageAsync()).Value);
        Assert.Equal("sent", Assert.Single(await new DeliveryLedger(_storage, clock).ListAsync("run-3")).StatusName);

        int Deferrals() => _log.ToString().Split('\n').Count(l => l.Contains("— deferred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runners_on_one_account_ingest_send_and_run_each_timer_occurrence_once()
    {
        var every2s = new Dictionary<string, string?> { ["SEND_TOPIC_ALERTS_SCHEDULE"] = "*/2 * * * * *", ["SEND_DEADLINE_REMINDERS_SCHEDULE"] = "0 0 0 1 1 *" };
        var one = await StartAsync(settings: every2s, timers: true);
        var two = await StartAsync(settings: every2s, timers: true);
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "reader@example.com", Scenario.Keywords("居住证"));

        await _storage.Issues.GetBlobClient("2022-06.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
        await Eventually(() => Task.FromResult(Directory.GetFiles(_outbox, "*.eml").Length >= 1), "the alert goes out through the queue", 30);
        await Task.Delay(4500); // more occurrences, more watcher and consumer rounds on both runners
        await one.DisposeAsync(); // stopping finishes the occurrence in hand, so claims and runs can be counted
        await two.DisposeAsync();

        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        var log = _log.ToString().Split('\n');
        Assert.Single(log, l => l.Contains("→ 2022-06: ingested", StringComparison.Ordinal));
        var claimed = new List<TableEntity>();
        await foreach (var row in _storage.Table(_storage.Names.JobStateTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"timer-alerts"}"))) claimed.Add(row);
        Assert.True(claimed.Count == log.Count(l => l.Contains(" alerts: ", StringComparison.Ordinal)), string.Join("\n", log)); // each occurrence ran on one runner only
        Assert.True(claimed.Count >= 2);
    }
}
