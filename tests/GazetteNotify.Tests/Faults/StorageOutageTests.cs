using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using MimeKit;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// Storage going away in the middle of work, then coming back: a real Azurite of its own (disk-backed, so a restart
/// keeps what was written) stopped mid-ingest and mid-dispatch and started again; and an outage injected at every
/// point of an ingest. Afterwards the issue is stored exactly as a clean ingest stores it, and every mail went once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageOutageTests : IDisposable
{
    private const int BlobPort = 11000;
    private readonly string _data = Directory.CreateTempSubdirectory("gazette-azurite-").FullName;
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-outage-").FullName;
    private Process? _azurite;

    public void Dispose()
    {
        Stop();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_outbox, recursive: true);
    }

    private static string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{BlobPort + 1}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{BlobPort + 2}/devstoreaccount1;";

    private void Start()
    {
        var info = new ProcessStartInfo(Path.Combine(AzuriteFixture.RepoRoot(), "node_modules", ".bin", "azurite")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--location", _data, "--skipApiVersionCheck", "--loose", "--silent", "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{BlobPort + 1}", "--tableHost", "127.0.0.1", "--tablePort", $"{BlobPort + 2}" }) info.ArgumentList.Add(a);
        _azurite = Process.Start(info)!;
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(LocalService.Listening(BlobPort) && LocalService.Listening(BlobPort + 1) && LocalService.Listening(BlobPort + 2)))
        {
            if (DateTime.UtcNow > until) throw new InvalidOperationException("the outage Azurite did not start");
            Thread.Sleep(100);
        }
    }

    /// <summary>Stopped as an operator stops it (SIGTERM: it saves what it holds), or killed when it does not go.</summary>
    private void Stop()
    {
        if (_azurite is null || _azurite.HasExited) return;
        Process.Start("kill", ["-TERM", _azurite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_azurite.WaitForExit(15_000)) _azurite.Kill(entireProcessTree: true);
        _azurite.WaitForExit();
        _azurite.Dispose();
        _azurite = null;
    }

    /// <summary>
    /// Runs an action just before each request goes out, counting from when it is armed: stops Azurite before the n-th,
    /// or fails every request from the n-th on as a refused connection does.
    /// </summary>
    private sealed class BeforeRequest(Action<int> before) : HttpPipelinePolicy
    {
        private int _seen = -1;

        public static BeforeRequest StopAt(int n, Action stop) => new(i => { if (i == n) stop(); });

        public static BeforeRequest FailFrom(int n) => new(i => { if (i >= n) throw new Azure.RequestFailedException("Connection refused (injected outage)"); });

        public void Arm() => Interlocked.Exchange(ref _seen, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Tick();
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Tick();
            return ProcessNextAsync(message, pipeline);
        }

        private void Tick()
        {
            if (Volatile.Read(ref _seen) >= 0) before(Interlocked.Increment(ref _seen));
        }
    }

    private static GazetteStorage Storage(HttpPipelinePolicy? policy = null, string prefix = "o") =>
        new(new StorageSettings(ConnectionString, null, null), new StorageNames(prefix + Guid.NewGuid().ToString("N")[..8]),
            StorageClientTuning.Interactive with { MaxRetries = 0, PerCallPolicy = policy });

    /// <summary>How many storage requests a clean ingest of the sample makes (so every point of it can fail).</summary>
    private static async Task<int> CleanIngestRequestsAsync()
    {
        var counter = new RequestCounter();
        var storage = Storage(counter, "c");
        await storage.EnsureCreatedAsync();
        await storage.Issues.GetBlobClient("i.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
        counter.Reset();
        Assert.Equal(IngestStatus.Ingested, (await new IngestIssue(storage, TimeProvider.System).RunAsync("i.txt")).Status);
        return counter.Count;
    }

    /// <summary>The next trigger, after the dead ingest's claim ran out (the Event Grid retry comes minutes later).</summary>
    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider AfterLease() => new(DateTimeOffset.UtcNow + IngestIssue.ClaimLease + TimeSpan.FromMinutes(1));

    private static async Task<List<string>> RowsAsync(GazetteStorage storage, string table)
    {
        var keys = new List<string>();
        await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"])) keys.Add(row.PartitionKey + "/" + row.RowKey);
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Azurite_stopped_mid_ingest_and_mid_dispatch_then_restarted_loses_and_doubles_nothing()
    {
        Start();
        var requests = await CleanIngestRequestsAsync();

        // Mid-ingest: Azurite stops halfway through the ingest's requests (the rows are being written).
        var clean = Storage();
        await Scenario.IngestAsync(clean, TimeProvider.System, Samples.Issue2022_06);
        var stopper = BeforeRequest.StopAt(requests / 2, Stop);
        var storage = Storage(stopper);
        await storage.EnsureCreatedAsync();
        await storage.Issues.GetBlobClient("2022-06.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
        stopper.Arm();
        await Assert.ThrowsAnyAsync<Exception>(() => new IngestIssue(storage, TimeProvider.System).RunAsync("2022-06.txt"));
        Assert.Null(_azurite);

        Start();
        var again = new GazetteStorage(storage.Settings, storage.Names, StorageClientTuning.Interactive);
        var outcome = await new IngestIssue(again, AfterLease()).RunAsync("2022-06.txt");
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        foreach (var table in new[] { "Documents", "Tasks", "Deadlines" })
        {
            Assert.Equal((await RowsAsync(clean, clean.Names.Prefix + table)).Count, (await RowsAsync(again, again.Names.Prefix + table)).Count);
        }

        // Mid-dispatch: Azurite stops after the first recipients of a batch went out.
        var batches = new EmailBatches(again);
        var recipients = Enumerable.Range(1, 5).Select(i => new BatchRecipient($"o{i}@example.com", $"k{i}", $"run-o-k{i}", new RecipientLinks("", "", ""))).ToList();
        await batches.EnqueueAsync(new EmailBatch("run-o", "主题", "<p>x</p>", "x", new Dictionary<string, string>(), recipients));
        var message = (await again.Queue(again.Names.EmailBatches).ReceiveMessageAsync()).Value.MessageText;
        var dispatchStopper = BeforeRequest.StopAt(7, Stop); // batch blob, then claim/complete for the first recipients
        var dying = new GazetteStorage(again.Settings, again.Names, StorageClientTuning.Interactive with { MaxRetries = 0, PerCallPolicy = dispatchStopper });
        var outbox = new OutboxTransport(_outbox, new MailboxAddress("t", "t@gazette.local"));
        dispatchStopper.Arm();
        await Assert.ThrowsAnyAsync<Exception>(() => new SendEmailBatch(new EmailBatches(dying), new DeliveryLedger(dying, TimeProvider.System), outbox).RunAsync(message));

        Start();
        var restarted = new GazetteStorage(again.Settings, again.Names, StorageClientTuning.Interactive);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + DeliveryLedger.UncertainWindow + TimeSpan.FromMinutes(1)); // the redelivery comes after the uncertain window (no event came)
        var result = await new SendEmailBatch(new EmailBatches(restarted), new DeliveryLedger(restarted, clock), outbox).RunAsync(message);

        Assert.True(result.Complete);
        Assert.Equal(5, Directory.GetFiles(_outbox, "*.eml").Length); // each recipient once (the outbox is keyed by delivery id)
        var rows = await new DeliveryLedger(restarted, clock).ListAsync("run-o");
        Assert.Equal(5, rows.Count(r => r.StatusName == "sent"));
    }

    [Fact]
    public async Task An_outage_at_any_point_of_an_ingest_is_recovered_by_the_next_trigger()
    {
        Start();
        var requests = await CleanIngestRequestsAsync();
        var clean = Storage();
        await Scenario.IngestAsync(clean, TimeProvider.System, Samples.Issue2022_06);
        var expected = await RowsAsync(clean, clean.Names.Prefix + "Tasks");

        for (var point = 1; point <= requests; point++) // the outage begins before each request of the ingest in turn
        {
            var failing = BeforeRequest.FailFrom(point);
            var storage = Storage(failing, "p");
            await storage.EnsureCreatedAsync();
            await storage.Issues.GetBlobClient("i.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)));
            failing.Arm();
            await Assert.ThrowsAnyAsync<Exception>(() => new IngestIssue(storage, TimeProvider.System).RunAsync("i.txt"));

            var healed = new GazetteStorage(storage.Settings, storage.Names, StorageClientTuning.Interactive);
            var outcome = await new IngestIssue(healed, AfterLease()).RunAsync("i.txt");
            Assert.True(outcome.Status is IngestStatus.Ingested or IngestStatus.Unchanged, $"point {point}: {outcome.Status}");
            Assert.Equal(expected.Count, (await RowsAsync(healed, healed.Names.Prefix + "Tasks")).Count);
            Assert.Equal(IngestStatus.Unchanged, (await new IngestIssue(healed, TimeProvider.System).RunAsync("i.txt")).Status);
        }
    }
}
