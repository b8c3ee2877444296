using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using MimeKit;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// Process faults (issue 9): the real `gazette serve`, a separate OS process on a storage prefix of its own, is fed
/// issue uploads and e-mail batches and SIGKILLed at random moments, twenty times, then restarted once more to drain.
/// Nothing may be lost (every upload ends as an Issues row, every recipient's mail is sent) and nothing may go twice
/// (one ledger row and one .eml per delivery, no recipient mailed twice).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class KillLoopTests(ITestOutputHelper output) : IDisposable
{
    private const int Iterations = 20;
    private const int IssuesPerIteration = 1;
    private const int BatchesPerIteration = 2;
    private const int RecipientsPerBatch = 12;
    private const int Seed = 20_250_609;
    private const string AdminKey = "kill-loop-admin-key-0123456789";

    /// <summary>Failed or deferred batches come back after this (host.json says a minute; a test cannot wait that long).</summary>
    private const string Visibility = "00:00:02";

    /// <summary>
    /// Attempts before the poison queue. host.json's 5 is meant for a batch that keeps failing — or keeps crashing its
    /// worker. Twenty SIGKILLs in a minute are a crash loop no host sees, and a batch in hand through five of them would
    /// be poisoned by design; raised here so that only loss or duplication can fail this test (ServeTests covers poison).
    /// </summary>
    private const int Attempts = Iterations + 5;

    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _folder = Directory.CreateTempSubdirectory("gazette-kill-").FullName;

    private string Outbox => Path.Combine(_folder, "outbox");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Serve_killed_at_random_moments_loses_nothing_and_sends_nothing_twice()
    {
        var started = Stopwatch.StartNew();
        var random = new Random(Seed);
        await _storage.EnsureCreatedAsync();
        Directory.CreateDirectory(Outbox);

        // Every .eml the transport moves into place is one provider send, counted apart from what the outbox keeps:
        // a resend of the same delivery overwrites its file, and would be visible only here.
        var sends = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var watcherErrors = 0;
        using var watcher = new FileSystemWatcher(Outbox) { InternalBufferSize = 64 * 1024, NotifyFilter = NotifyFilters.FileName };
        watcher.Renamed += (_, e) =>
        {
            if (e.Name?.EndsWith(".eml", StringComparison.Ordinal) == true) sends.AddOrUpdate(e.Name, 1, (_, n) => n + 1);
        };
        watcher.Error += (_, _) => Interlocked.Increment(ref watcherErrors);
        watcher.EnableRaisingEvents = true;

        var uploads = new List<(string Blob, string Sha, string Key)>();
        var expected = new List<(string Run, string Email, string RecipientKey, string DeliveryId)>();
        var batches = new EmailBatches(_storage);
        var loopLines = new List<string>();
        var iterations = new List<string>();
        int issueNumber = 10, midIngest = 0, midSend = 0, beforeReady = 0;
        var leftClaims = new HashSet<string>(StringComparer.Ordinal);
        var leftSending = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < Iterations; i++)
        {
            var life = Stopwatch.StartNew();
            await using var serve = StartServe(now: null);
            // Fed while it starts, all at once: the test's own storage calls should not set the pace.
            var issueFeed = Enumerable.Range(0, IssuesPerIteration).Select(n => UploadIssueAsync($"kill-{i:00}-{n}.txt", ++issueNumber)).ToList();
            if (i % 4 == 3) issueFeed.Add(UploadJunkAsync($"kill-{i:00}-junk.txt", i));
            var batchFeed = Enumerable.Range(0, BatchesPerIteration).Select(b => EnqueueAsync(batches, $"kill-{i:00}-{b}")).ToList();
            uploads.AddRange(await Task.WhenAll(issueFeed));
            foreach (var batch in await Task.WhenAll(batchFeed)) expected.AddRange(batch);

            var ready = await serve.ReadyAsync(TimeSpan.FromSeconds(30));
            var readyAfter = life.Elapsed;
            Assert.False(serve.Exited, $"gazette serve ended by itself\n{serve.Log}");
            if (!ready) beforeReady++; // still starting: a kill like any other
            var delay = random.Next(100, 1501);
            await Task.Delay(delay);
            serve.Kill();
            loopLines.AddRange(serve.Lines);

            // What the kill cut through: a content hash claimed but not done, a delivery claimed but not recorded.
            var left = await Task.WhenAll(NewRowsAsync(_storage.Names.ReceiptsTable, "ingesting", leftClaims), NewRowsAsync(_storage.Names.DeliveriesTable, "sending", leftSending));
            var (claims, sending) = (left[0], left[1]);
            if (claims > 0) midIngest++;
            if (sending > 0) midSend++;
            iterations.Add(string.Create(CultureInfo.InvariantCulture,
                $"#{i:00}: ready {(ready ? $"after {readyAfter.TotalMilliseconds:0} ms" : "never")}, killed {delay} ms later; {Count(serve.Lines, Ingested)} ingested, {Count(serve.Lines, BatchDone)} batches done; left {claims} ingest claims, {sending} deliveries sending"));
        }

        // The last start comes as a real restart after a crash would: an hour and a minute later by its clock, past the
        // leases of claims a killed process left (ingest 5 min, sending 10 min) and past the uncertain window in which a
        // dead worker's delivery waits for SendGrid's events (1 h; the outbox sends none), so those are taken over.
        var drainStarted = started.Elapsed;
        var drainLines = new List<string>();
        bool ready2, drained, stopped;
        await using (var serve = StartServe(now: DateTimeOffset.UtcNow + DeliveryLedger.UncertainWindow + TimeSpan.FromMinutes(1)))
        {
            ready2 = await serve.ReadyAsync(TimeSpan.FromSeconds(30));
            drained = ready2 && await EventuallyAsync(async () => await QueueEmptyAsync() && await MissingIssuesAsync(uploads) == 0, TimeSpan.FromSeconds(60));
            stopped = await serve.StopAsync(TimeSpan.FromSeconds(30));
            drainLines.AddRange(serve.Lines);
        }

        var drainTime = started.Elapsed - drainStarted;
        var log = string.Join('\n', iterations) + "\n--- loop ---\n" + string.Join('\n', loopLines) + "\n--- drain ---\n" + string.Join('\n', drainLines);

        var issues = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _storage.Table(_storage.Names.IssuesTable).QueryAsync<TableEntity>()) issues[row.RowKey] = row;
        var ledger = new Dictionary<(string, string), TableEntity>();
        await foreach (var row in _storage.Table(_storage.Names.DeliveriesTable).QueryAsync<TableEntity>()) ledger[(row.PartitionKey, row.RowKey)] = row;
        var poisoned = await new PoisonedBatches(_storage, batches, new DeliveryLedger(_storage, TimeProvider.System), TimeProvider.System).ListAsync();
        var files = Directory.GetFiles(Outbox, "*.eml").ToDictionary(f => Path.GetFileName(f), StringComparer.Ordinal);
        var resent = expected.Count(e => sends.GetValueOrDefault(e.DeliveryId + ".eml") > 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill loop (seed {Seed}): {Iterations} SIGKILLs — {midIngest} cut an ingest (claim left), {midSend} cut a send (delivery left sending), {beforeReady} before ready; " +
            $"{uploads.Count} uploads: {Count(loopLines, Ingested)} ingested in the loop, {Count(drainLines, Ingested)} in the drain; " +
            $"{expected.Count} mails in {Iterations * BatchesPerIteration} batches: {Count(loopLines, BatchDone)} batches done in the loop, {Count(drainLines, BatchDone)} in the drain, " +
            $"{Count(loopLines.Concat(drainLines), l => l.Contains("— deferred", StringComparison.Ordinal))} deferrals, {Count(loopLines.Concat(drainLines), BeyondHostAttempts)} done only after more than host.json's 5 attempts, {poisoned.Count} poisoned; " +
            $"{sends.Values.Sum()} sends seen, {resent} resent after a lease, {files.Count} .eml; loop {drainStarted.TotalSeconds:0.0} s, drain {drainTime.TotalSeconds:0.0} s"));

        Assert.True(ready2 && drained, $"not drained: {await MissingIssuesAsync(uploads)} uploads without an Issues row, queue empty: {await QueueEmptyAsync()}\n{log}");
        Assert.True(stopped, "the last start stops gracefully (SIGTERM, exit code 0)\n" + log);

        // Every upload ingested or rejected: one Issues row per distinct content, and every row it counts is there.
        var rows = await RowsPerIssueAsync();
        foreach (var (blob, sha, key) in uploads)
        {
            Assert.True(issues.TryGetValue(key, out var row), $"{blob}: no Issues row {key}\n{log}");
            Assert.Equal(sha, row.GetString("ContentSha256"));
            Assert.Equal(key.StartsWith("rejected-", StringComparison.Ordinal) ? "rejected" : "ingested", row.GetString("Status"));
            Assert.Equal((row.GetInt32("Documents"), row.GetInt32("Tasks"), row.GetInt32("Deadlines")), rows.GetValueOrDefault(key, (0, 0, 0)));
        }

        Assert.Equal(uploads.Count, issues.Count);

        // The outbox never fails, so no batch was ever retried as failed — one that waited for a killed worker's
        // delivery was deferred instead (a failed attempt each time would poison it long before the 10-minute lease ends).
        Assert.DoesNotContain(loopLines.Concat(drainLines), l => l.Contains("— retried", StringComparison.Ordinal));

        // Nothing ended on the poison queue: every batch was sent, none given up.
        Assert.True(poisoned.Count == 0, $"{poisoned.Count} batches poisoned: {string.Join(", ", poisoned.Select(p => p.Run + " (" + p.Error + ")"))}\n{log}");

        // Every expected mail recorded as sent, once, and no other row.
        foreach (var (run, _, recipientKey, deliveryId) in expected)
        {
            Assert.True(ledger.TryGetValue((run, recipientKey), out var row), $"{deliveryId}: no ledger row\n{log}");
            Assert.True(row.GetString("Status") == "sent", $"{deliveryId}: {row.GetString("Status")} ({row.GetString("Error")})\n{log}");
        }

        Assert.Equal(expected.Count, ledger.Count);

        // Exactly one .eml per delivery, addressed to its recipient; no recipient has two.
        Assert.Equal(expected.Select(e => e.DeliveryId + ".eml").Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        var addressed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, email, _, deliveryId) in expected)
        {
            using var message = await MimeMessage.LoadAsync(files[deliveryId + ".eml"]);
            Assert.Equal($"{deliveryId}@gazette.local", message.MessageId);
            var to = message.To.Mailboxes.Single().Address;
            Assert.Equal(email, to);
            addressed[to] = addressed.GetValueOrDefault(to) + 1;
        }

        Assert.All(addressed, a => Assert.Equal(1, a.Value));

        // Counted apart from the outbox: a delivery reached the transport more than once only when the ledger shows it
        // claimed again after a dead worker's lease (sent, killed before the record, taken over by the last start) —
        // and the outbox, keyed by delivery id, still holds one mail for it.
        Assert.Equal(0, watcherErrors);
        foreach (var (run, _, recipientKey, deliveryId) in expected)
        {
            var count = sends.GetValueOrDefault(deliveryId + ".eml");
            var claimed = ledger[(run, recipientKey)].GetInt32("Attempts") ?? 1;
            Assert.True(count >= 1 && count <= claimed, $"{deliveryId}: {count} sends for {claimed} claims\n{log}");
        }
    }

    private static bool Ingested(string line) => line.Contains(" ingest ", StringComparison.Ordinal) && (line.Contains(": ingested", StringComparison.Ordinal) || line.Contains(": rejected", StringComparison.Ordinal));

    private static bool BatchDone(string line) => line.Contains(" batch: ", StringComparison.Ordinal) && line.Contains(" already sent", StringComparison.Ordinal);

    private static bool BeyondHostAttempts(string line) =>
        BatchDone(line) && line.Split("(attempt ") is [_, var n] && int.Parse(n.TrimEnd(')'), CultureInfo.InvariantCulture) > GazetteNotify.Cli.Serve.QueueConsumer.DefaultMaxDequeueCount;

    private static int Count(IEnumerable<string> lines, Func<string, bool> which) => lines.Count(which);

    /// <summary>Documents, Tasks and Deadlines rows per issue, as stored.</summary>
    private async Task<Dictionary<string, (int?, int?, int?)>> RowsPerIssueAsync()
    {
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, int>(StringComparer.Ordinal);
        var deadlines = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var r in _storage.Table(_storage.Names.DocumentsTable).QueryAsync<TableEntity>(select: ["PartitionKey"])) documents[r.PartitionKey] = documents.GetValueOrDefault(r.PartitionKey) + 1;
        await foreach (var r in _storage.Table(_storage.Names.TasksTable).QueryAsync<TableEntity>(select: ["PartitionKey"])) tasks[r.PartitionKey] = tasks.GetValueOrDefault(r.PartitionKey) + 1;
        await foreach (var r in _storage.Table(_storage.Names.DeadlinesTable).QueryAsync<TableEntity>(select: ["IssueKey"]))
        {
            if (r.GetString("IssueKey") is { } key) deadlines[key] = deadlines.GetValueOrDefault(key) + 1;
        }

        return documents.Keys.Concat(tasks.Keys).Concat(deadlines.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
            k => k, k => ((int?)documents.GetValueOrDefault(k), (int?)tasks.GetValueOrDefault(k), (int?)deadlines.GetValueOrDefault(k)), StringComparer.Ordinal);
    }

    /// <summary>A variant of the 2022-06 sample under another issue number: distinct content, its own Issues row.</summary>
    private async Task<(string Blob, string Sha, string Key)> UploadIssueAsync(string blob, int number)
    {
        var text = Samples.Text(Samples.Issue2022_06).Replace("\n第6期（总第231期）", $"\n第{number}期（总第231期）", StringComparison.Ordinal)
            .Replace("\n2022年第6期\n", $"\n2022年第{number}期\n", StringComparison.Ordinal);
        Assert.Contains($"2022年第{number}期", text, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        await _storage.Issues.GetBlobClient(blob).UploadAsync(new BinaryData(bytes));
        return (blob, Sha(bytes), $"2022-{number:00}");
    }

    /// <summary>Something that is no gazette: rejected, recorded under its content hash.</summary>
    private async Task<(string Blob, string Sha, string Key)> UploadJunkAsync(string blob, int i)
    {
        var bytes = Encoding.UTF8.GetBytes($"这不是公报，第{i}份。");
        await _storage.Issues.GetBlobClient(blob).UploadAsync(new BinaryData(bytes));
        var sha = Sha(bytes);
        return (blob, sha, "rejected-" + sha[..16]);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<List<(string Run, string Email, string RecipientKey, string DeliveryId)>> EnqueueAsync(EmailBatches batches, string run)
    {
        var recipients = Enumerable.Range(0, RecipientsPerBatch).Select(n =>
        {
            var email = $"{run}-{n:00}@example.com";
            var key = DeliveryLedger.RecipientKey(EmailAddress.Parse(email));
            return new BatchRecipient(email, key, DeliveryLedger.DeliveryId(run, key), new RecipientLinks("https://example.com/m", "https://example.com/u", "https://example.com/o"));
        }).ToList();
        await batches.EnqueueAsync(new EmailBatch(run, "测试 " + run, "<p>测试</p>", "测试", new Dictionary<string, string>(), recipients));
        return recipients.Select(r => (run, r.Email, r.RecipientKey, r.DeliveryId)).ToList();
    }

    private async Task<int> NewRowsAsync(string table, string status, HashSet<string> seen)
    {
        var added = 0;
        await foreach (var row in _storage.Table(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Status eq {status}")))
        {
            if (seen.Add(row.PartitionKey + "/" + row.RowKey)) added++;
        }

        return added;
    }

    /// <summary>Invisible messages (in a worker's hands, or deferred) count too.</summary>
    private async Task<bool> QueueEmptyAsync() =>
        (await _storage.Queue(_storage.Names.EmailBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;

    private async Task<int> MissingIssuesAsync(List<(string Blob, string Sha, string Key)> uploads)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _storage.Table(_storage.Names.IssuesTable).QueryAsync<TableEntity>(select: ["RowKey"])) keys.Add(row.RowKey);
        return uploads.Count(u => !keys.Contains(u.Key));
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>`gazette serve` on the test's storage prefix, mailing into the outbox.</summary>
    private ServeProcess StartServe(DateTimeOffset? now) => ServeProcess.Start(_storage.Names.Prefix, now, new Dictionary<string, string>
    {
        ["Mail__Transport"] = "outbox",
        ["Mail__Outbox"] = Outbox,
        ["AdminKey"] = AdminKey,
        ["LinkSigningSecret"] = Scenario.LinkSecret,
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = Visibility,
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = Attempts.ToString(CultureInfo.InvariantCulture),
    });
}
