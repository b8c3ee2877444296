using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GazetteNotify.Alerts;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Topics;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Issue 9, load: topic alerts end to end at city scale. 10 distinct issues are ingested into Azurite, 100,000 active
/// subscribers written to the Subscribers table, then SendTopicAlerts runs in queue mode and the email-batches queue
/// is drained by 4 concurrent consumers (as the Functions host runs SendEmailBatch) through SendGridTransport to an
/// in-process WireMock answering 202. Seeding is timed apart from the measured alerts run. What SendGrid received is
/// checked against what was planned: every planned recipient exactly once, nobody else, nobody twice.
/// Run: bash scripts/start-azurite.sh; dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-alerts [subscribers]
/// </summary>
internal static class LoadAlertsBenchmark
{
    private const string Secret = "a-load-benchmark-secret-that-is-long-enough";

    public static async Task RunAsync(int subscribers = 100_000, int issues = 10, int consumers = 4)
    {
        // 2022-06-20 08:00 China time: the demo's day, with deadlines of the 2022-06 issue inside the 30-day window.
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 6, 20, 0, 0, 0, TimeSpan.Zero));
        await using var load = await LoadStorage.CreateAsync();
        var storage = load.Storage;
        Console.WriteLine($"load-alerts: {subscribers:N0} subscribers × {issues} issues, {load.Where}");

        // Seeding 1: the issues, through the real ingestion (a minute apart, as separate uploads would be).
        var watch = Stopwatch.StartNew();
        var variants = Enumerable.Range(0, issues).Select(SampleVariants.Get).ToList();
        var documents = 0;
        foreach (var (blob, bytes, key) in variants)
        {
            await storage.Issues.GetBlobClient(blob).UploadAsync(new BinaryData(bytes), overwrite: true);
            var outcome = await new IngestIssue(storage, clock).RunAsync(blob);
            if (outcome.Status != IngestStatus.Ingested || outcome.IssueKey != key) throw new InvalidOperationException($"{blob}: {outcome.Status} as {outcome.IssueKey}");
            documents += outcome.Documents;
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Console.WriteLine($"  seed: ingest {issues} issues ({documents} documents) {watch.Elapsed.TotalSeconds:0.0} s");

        // Seeding 2: the subscribers, as rows SubscriberStore itself writes, in entity-group batches of 100 per partition.
        var people = AlertsBenchmark.Subscribers(subscribers);
        watch.Restart();
        load.Counter.Reset();
        await load.WriteAsync(storage.Names.SubscribersTable, people.Select(p => SubscriberRow.From(p with { ConfirmedAt = p.CreatedAt })));
        Console.WriteLine($"  seed: {subscribers:N0} subscribers {watch.Elapsed.TotalSeconds:0.0} s, {load.Counter.Count:N0} batch requests");

        // For reading the alerts run's time: what listing the subscribers alone costs (Azurite sorts the whole table for
        // every page of 1,000, so this part is the emulator's more than the job's).
        watch.Restart();
        var listed = 0;
        await foreach (var _ in new SubscriberStore(storage, clock).ListAsync(SubscriptionStatus.Active)) listed++;
        Console.WriteLine($"  probe: listing the {listed:N0} active subscribers alone {watch.Elapsed.TotalSeconds:0.0} s");

        // What the planner should find, worked out in memory from the same bytes: the recipients a digest must reach.
        var expected = ExpectedRecipients(people, variants, clock);
        people = null;
        GC.Collect();

        // The fake tallies what it accepts as each request arrives (server side of the HTTP boundary) and keeps no log:
        // WireMock's request log would hold every body (~370 KB a request) and charge it to the process measured.
        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var requests = 0;
        using var sendGrid = WireMockServer.Start();
        sendGrid.SetMaxRequestLogCount(0);
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            using var body = JsonDocument.Parse(request.Body!);
            foreach (var personalization in body.RootElement.GetProperty("personalizations").EnumerateArray())
            {
                foreach (var to in personalization.GetProperty("to").EnumerateArray()) received.AddOrUpdate(to.GetProperty("email").GetString()!, 1, (_, n) => n + 1);
            }

            Interlocked.Increment(ref requests);
            return new WireMock.ResponseMessage { StatusCode = 202 };
        }));
        var calls = new SendGridCalls { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(calls);
        var transport = new SendGridTransport(
            new SendGrid.SendGridClient(http, new SendGrid.SendGridClientOptions { ApiKey = "SG.load-key-not-real", Host = sendGrid.Url! }),
            new SendGrid.Helpers.Mail.EmailAddress(SiteSettings.Local.FromAddress, SiteSettings.Local.FromName));
        var batches = new EmailBatches(storage);

        // Measured 1: the alerts job, planning and queueing.
        load.Counter.Reset();
        AlertRun run;
        string alertsMemory;
        watch.Restart();
        await using (var sampler = new WorkingSetSampler())
        {
            run = await new SendTopicAlerts(storage, new SubscriberStore(storage, clock), new Queries.IssueQueries(storage), batches, new LinkTokens(Secret, clock), SiteSettings.Local, clock).RunAsync();
            watch.Stop();
            alertsMemory = sampler.Describe();
        }

        var alertsTime = watch.Elapsed;
        var alertsTrips = load.Counter.Count;
        Console.WriteLine($"  alerts run: {alertsTime.TotalSeconds:0.0} s, {alertsTrips:N0} storage round trips, {alertsMemory}; " +
                          $"{run.NewIssues} issues, {run.NewDocuments} documents, {run.Digests:N0} digests, {run.Batches:N0} batches queued");

        // What was planned, from the queued batches themselves (read before the consumers delete anything).
        var planned = await PlannedAsync(storage);

        // Measured 2: the consumers, as the host runs SendEmailBatch (receive, run, delete once complete).
        load.Counter.Reset();
        var perBatch = new ConcurrentBag<double>();
        var queueCalls = new ConcurrentBag<double>(); // receive and delete: the emulator's queue, not SendEmailBatch
        int sent = 0, skipped = 0, failed = 0;
        string drainMemory;
        watch.Restart();
        await using (var sampler = new WorkingSetSampler())
        {
            var job = new SendEmailBatch(batches, new DeliveryLedger(storage, clock), transport);
            var queue = storage.Queue(storage.Names.EmailBatches);
            await Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var call = Stopwatch.StartNew();
                    var messages = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value;
                    queueCalls.Add(call.Elapsed.TotalMilliseconds);
                    if (messages.Length == 0) return; // everything was queued before the consumers started
                    var one = Stopwatch.StartNew();
                    var result = await job.RunAsync(messages[0].MessageText);
                    perBatch.Add(one.Elapsed.TotalMilliseconds);
                    call.Restart();
                    if (result.Complete) await queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt);
                    queueCalls.Add(call.Elapsed.TotalMilliseconds);
                    Interlocked.Add(ref sent, result.Sent);
                    Interlocked.Add(ref skipped, result.AlreadySent);
                    Interlocked.Add(ref failed, result.Failed);
                }
            })));
            watch.Stop();
            drainMemory = sampler.Describe();
        }

        Console.WriteLine($"  drain ({consumers} consumers): {watch.Elapsed.TotalSeconds:0.0} s, {load.Counter.Count:N0} storage round trips, {drainMemory}; " +
                          $"{perBatch.Count:N0} batches, per batch {Timings.Describe(perBatch)}; sent {sent:N0}, already sent {skipped:N0}, failed {failed:N0}");
        // Where the consumers' time went: handling batches (SendEmailBatch) or waiting on the queue's receive and delete.
        Console.WriteLine($"  consumers' time: SendEmailBatch {perBatch.Sum() / 1000:0} s, queue receive + delete {queueCalls.Sum() / 1000:0} s " +
                          $"(per call {Timings.Describe(queueCalls)}), over {consumers} consumers × {watch.Elapsed.TotalSeconds:0} s");
        Console.WriteLine($"  SendGrid fake's answer as the transport saw it: {Timings.Describe(calls.Times)} ({calls.Count:N0} requests made)");

        var ledger = await new DeliveryLedger(storage, clock).ListAsync(run.RunKey ?? "");
        var ledgerSent = ledger.Count(r => r.Status == DeliveryStatus.Sent);
        var minimum = planned.Contents.Values.Sum(n => (n + EmailBatch.MaxRecipients - 1) / EmailBatch.MaxRecipients);
        var personalizations = received.Values.Sum();
        Console.WriteLine($"  SendGrid: {requests:N0} requests (minimum {minimum:N0} = Σ over {planned.Contents.Count:N0} distinct digests of ceil(recipients/1000)), " +
                          $"{personalizations:N0} personalizations for {run.Digests:N0} digests");
        Console.WriteLine($"  ledger: {ledger.Count:N0} rows in {run.RunKey}, {ledgerSent:N0} sent");
        Console.WriteLine($"  total: alerts + drain {(alertsTime + watch.Elapsed).TotalSeconds:0.0} s; process peak working set {WorkingSetSampler.ProcessPeakMegabytes:0} MB");

        LoadCheck.Report("the batches hold each planned digest once", planned.Duplicates == 0 && planned.Recipients.Count == run.Digests);
        LoadCheck.Report("the job planned exactly the subscribers an in-memory plan of the same issues matches", planned.Recipients.SetEquals(expected));
        LoadCheck.Report("every planned recipient got exactly one personalization", planned.Recipients.All(r => received.GetValueOrDefault(r) == 1));
        LoadCheck.Report("nobody got two, nobody unplanned got any", received.Values.All(n => n == 1) && received.Keys.All(planned.Recipients.Contains));
        LoadCheck.Report("SendGrid requests are the minimum, and the fake answered every request made", requests == minimum && requests == calls.Count);
        LoadCheck.Report("one ledger row per digest, all sent", ledger.Count == run.Digests && ledgerSent == run.Digests);
    }

    /// <summary>The transport's requests to the fake, counted and timed on the client side.</summary>
    private sealed class SendGridCalls : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ConcurrentBag<double> Times { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken);
            Times.Add(watch.Elapsed.TotalMilliseconds);
            return response;
        }
    }

    /// <summary>Recipients of the queued batches, duplicates across batches, and recipients per distinct content.</summary>
    private static async Task<(HashSet<string> Recipients, int Duplicates, Dictionary<string, int> Contents)> PlannedAsync(GazetteStorage storage)
    {
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        var contents = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = 0;
        var container = storage.Container(storage.Names.EmailBatches);
        await foreach (var blob in container.GetBlobsAsync())
        {
            var batch = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToObjectFromJson<EmailBatch>()!;
            foreach (var r in batch.Recipients)
            {
                if (!recipients.Add(r.Email)) duplicates++;
            }

            // A digest's content is what its template says; batches of one content differ only in recipients.
            var content = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batch.Run + "\0" + batch.Subject + "\0" + batch.Html + "\0" + batch.Text)));
            contents[content] = contents.GetValueOrDefault(content) + batch.Recipients.Count;
        }

        return (recipients, duplicates, contents);
    }

    /// <summary>The subscribers any document of these issues matches, planned in memory (deadlines do not decide who gets a digest).</summary>
    private static HashSet<string> ExpectedRecipients(List<Subscription> people, List<(string BlobName, byte[] Bytes, string IssueKey)> variants, TimeProvider clock)
    {
        var documents = new List<AlertDocument>();
        foreach (var (_, bytes, key) in variants)
        {
            var parsed = GazetteParser.Parse(bytes);
            var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
            documents.AddRange(issue.Documents.Select((d, i) => new AlertDocument(key, key, d, parsed.DocumentTexts[i])));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return DigestPlanner.Plan(people, documents, [], today).Select(d => d.Recipient.Value).ToHashSet(StringComparer.Ordinal);
    }
}
