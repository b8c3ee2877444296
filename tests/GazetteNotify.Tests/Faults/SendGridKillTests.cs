using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// The duplicate-send doubt (issue 21, finding 9), forced twenty times: the real `gazette serve`, its own OS process,
/// sends a batch to a SendGrid fake that takes the request (SendGrid has the mail) and SIGKILLs the process before it
/// answers — so before the ledger can record the send. For half the batches SendGrid's signed `processed` events (which
/// carry each personalization's delivery id back) reach the webhook of the next start, as they would; for the other
/// half no event ever comes. The fake counts every personalization it accepts, by delivery id: a second one is a
/// duplicate mail in someone's inbox.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendGridKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Iterations = 20;
    private const int RecipientsPerBatch = 5;

    /// <summary>
    /// The ledger's lease and uncertain window, shrunk from 10 minutes and an hour: a killed worker's deliveries are
    /// uncertain 3 s after its claim, and sent again 2 minutes after it when no event came. The window still has to
    /// hold the next start (on two busy cores, with other serve processes, that can take tens of seconds) before the
    /// events arrive, as the real hour holds SendGrid's retries.
    /// </summary>
    private const string Lease = "00:00:03";

    private const string Window = "00:02:00";

    /// <summary>The custom argument SendGridTransport tags each personalization with (its delivery id).</summary>
    private const string DeliveryArgument = "delivery";

    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly ECDsa _webhookKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private ServeProcess? _victim;
    private string? _armedRun;

    public void Dispose()
    {
        _sendGrid.Stop();
        _webhookKey.Dispose();
    }

    private static bool Evented(int iteration) => iteration % 2 == 0;

    private static string RunOf(int iteration) => $"sgkill-{iteration:00}";

    [Fact]
    public async Task Serve_killed_after_sendgrid_took_a_batch_sends_nobody_twice_when_sendgrids_events_arrive()
    {
        var started = Stopwatch.StartNew();
        await _storage.EnsureCreatedAsync();
        _sendGrid.SetMaxRequestLogCount(0);
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            // SendGrid has the mail now, whatever happens next: every personalization counts as one mail delivered.
            using var body = JsonDocument.Parse(request.Body!);
            var ids = body.RootElement.GetProperty("personalizations").EnumerateArray()
                .Select(p => p.GetProperty("custom_args").GetProperty(DeliveryArgument).GetString()!).ToList();
            foreach (var id in ids) _accepted.AddOrUpdate(id, 1, (_, n) => n + 1);

            // The batch this iteration is about: the worker dies before the answer, so before its ledger write.
            var armed = Volatile.Read(ref _armedRun);
            if (armed is not null && ids.Any(id => id.StartsWith(armed + "-", StringComparison.Ordinal))
                && Interlocked.CompareExchange(ref _armedRun, null, armed) == armed)
            {
                Volatile.Read(ref _victim)?.Kill();
            }

            return new WireMock.ResponseMessage { StatusCode = 202 };
        }));

        var batches = new EmailBatches(_storage);
        var deliveries = new Dictionary<string, (int Iteration, string Email, string RecipientKey)>(StringComparer.Ordinal);
        var lines = new List<string>();
        var log = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < Iterations; i++)
        {
            await using var serve = Start(now: null);
            Assert.True(await serve.ReadyAsync(TimeSpan.FromSeconds(60)), $"gazette serve did not start\n{serve.Log}");

            // SendGrid's events for the previous batch (the dead worker's): they reach whoever listens now.
            var settled = "";
            if (i > 0 && Evented(i - 1)) settled = await PostProcessedEventsAsync(http, serve, deliveries.Where(d => d.Value.Iteration == i - 1), DateTimeOffset.UtcNow);

            Volatile.Write(ref _victim, serve);
            Volatile.Write(ref _armedRun, RunOf(i));
            foreach (var r in await EnqueueAsync(batches, RunOf(i))) deliveries[r.DeliveryId] = (i, r.Email, r.RecipientKey);
            var killed = await serve.ExitedWithinAsync(TimeSpan.FromSeconds(60));
            lines.AddRange(serve.Lines);
            Assert.True(killed, $"#{i}: the fake never took batch {RunOf(i)}, so never killed serve\n{serve.Log}");
            var taken = deliveries.Count(d => d.Value.Iteration == i && _accepted.ContainsKey(d.Key));
            log.Add($"#{i:00}: killed after SendGrid took {taken} of {RecipientsPerBatch}; events for #{i - 1:00}: {(settled.Length == 0 ? "none" : settled)}");
        }

        // A restart long after the crash (past any lease and window, also the unchanged 10-minute lease): whatever is
        // still owed goes now, and whatever is settled stays.
        var drainStarted = started.Elapsed;
        bool drained, stopped;
        await using (var serve = Start(now: DateTimeOffset.UtcNow + TimeSpan.FromMinutes(11)))
        {
            Assert.True(await serve.ReadyAsync(TimeSpan.FromSeconds(60)), $"gazette serve did not start\n{serve.Log}");
            drained = await EventuallyAsync(QueueEmptyAsync, TimeSpan.FromSeconds(90));
            stopped = await serve.StopAsync(TimeSpan.FromSeconds(30));
            lines.AddRange(serve.Lines.Select(l => "drain: " + l));
        }

        var ledger = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _storage.Table(_storage.Names.DeliveriesTable).QueryAsync<TableEntity>()) ledger[DeliveryLedger.DeliveryId(row.PartitionKey, row.RowKey)] = row;
        int Duplicates(bool evented) => deliveries.Where(d => Evented(d.Value.Iteration) == evented).Sum(d => Math.Max(0, _accepted.GetValueOrDefault(d.Key) - 1));
        var (withEvents, withoutEvents) = (Duplicates(evented: true), Duplicates(evented: false));
        var report = string.Create(CultureInfo.InvariantCulture,
            $"SendGrid kill harness: {Iterations} SIGKILLs between SendGrid's acceptance and the ledger write, {deliveries.Count} deliveries; " +
            $"duplicates with processed events: {withEvents} of {deliveries.Count / 2}; without any event: {withoutEvents} of {deliveries.Count / 2} (lease {Lease}, window {Window}); " +
            $"{_accepted.Values.Sum()} personalizations accepted; loop {drainStarted.TotalSeconds:0.0} s, drain {(started.Elapsed - drainStarted).TotalSeconds:0.0} s");
        output.WriteLine(report);
        var trace = report + "\n" + string.Join('\n', log) + "\n--- serve ---\n" + string.Join('\n', lines);

        Assert.True(drained && stopped, $"not drained (queue empty: {drained}, stopped: {stopped})\n{trace}");

        // Nothing lost: every delivery reached SendGrid.
        Assert.All(deliveries.Keys, id => Assert.True(_accepted.GetValueOrDefault(id) >= 1, $"{id}: never sent\n{trace}"));

        // The goal: when SendGrid's events arrive, nobody gets a second mail.
        Assert.True(withEvents == 0, $"{withEvents} duplicates although SendGrid's processed events arrived\n{trace}");
        foreach (var (id, d) in deliveries.Where(d => Evented(d.Value.Iteration)))
        {
            Assert.True(ledger[id].GetString("Status") == "sent" && ledger[id].GetString("SettledBy") == "processed", $"{id}: {ledger[id].GetString("Status")} / {ledger[id].GetString("SettledBy")}\n{trace}");
        }

        // Without any event, the window bounds it: one resend at most, after which the ledger says sent.
        foreach (var (id, _) in deliveries.Where(d => !Evented(d.Value.Iteration)))
        {
            Assert.True(_accepted[id] <= 2, $"{id}: {_accepted[id]} mails\n{trace}");
            Assert.True(ledger[id].GetString("Status") == "sent", $"{id}: {ledger[id].GetString("Status")}\n{trace}");
        }
    }

    private ServeProcess Start(DateTimeOffset? now) => ServeProcess.Start(_storage.Names.Prefix, now, new Dictionary<string, string>
    {
        ["Mail__Transport"] = "sendgrid",
        ["SendGrid__ApiKey"] = "SG.kill-harness-key-not-real",
        ["SendGrid__Host"] = _sendGrid.Url!,
        ["SendGrid__WebhookPublicKey"] = Convert.ToBase64String(_webhookKey.ExportSubjectPublicKeyInfo()),
        ["Mail__SendingLease"] = Lease,
        ["Mail__UncertainWindow"] = Window,
        ["AdminKey"] = "sendgrid-kill-admin-key-0123456789",
        ["LinkSigningSecret"] = Scenario.LinkSecret,
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:02",
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "100", // only loss or duplication may fail this test
    });

    /// <summary>What SendGrid posts for mails it took: one `processed` event per personalization, signed, with its delivery id.</summary>
    private async Task<string> PostProcessedEventsAsync(HttpClient http, ServeProcess serve, IEnumerable<KeyValuePair<string, (int Iteration, string Email, string RecipientKey)>> taken, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var events = taken.Where(d => _accepted.ContainsKey(d.Key)).Select(d => new Dictionary<string, object>
        {
            ["email"] = d.Value.Email,
            ["event"] = "processed",
            ["timestamp"] = seconds,
            ["sg_event_id"] = "processed-" + d.Key,
            [DeliveryArgument] = d.Key,
        }).ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(events);
        var timestamp = seconds.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{serve.Port}/api/sendgrid/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(
            _webhookKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}: {text}\n{serve.Log}");
        return text;
    }

    private static async Task<List<BatchRecipient>> EnqueueAsync(EmailBatches batches, string run)
    {
        var recipients = Enumerable.Range(0, RecipientsPerBatch).Select(n =>
        {
            var email = $"{run}-{n}@example.com";
            var key = DeliveryLedger.RecipientKey(EmailAddress.Parse(email));
            return new BatchRecipient(email, key, DeliveryLedger.DeliveryId(run, key), new RecipientLinks("https://example.com/m", "https://example.com/u", "https://example.com/o"));
        }).ToList();
        await batches.EnqueueAsync(new EmailBatch(run, "测试 " + run, "<p>测试</p>", "测试", new Dictionary<string, string>(), recipients));
        return recipients;
    }

    /// <summary>Invisible messages (in a worker's hands, or deferred) count too.</summary>
    private async Task<bool> QueueEmptyAsync() =>
        (await _storage.Queue(_storage.Names.EmailBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;

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
}
