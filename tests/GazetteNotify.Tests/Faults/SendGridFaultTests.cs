using System.Text.Json;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// Twelve batches through SendEmailBatch to a SendGrid fake that misbehaves per batch — 429 with Retry-After, 500, 503
/// twice, a connection reset, a response that never comes in time, a 400 — and a redelivery of every message that was
/// not complete. Nothing lost, nothing twice: every recipient is in exactly one accepted request, except the 400's
/// (recorded failed, with SendGrid's text) and the timed-out batch's (one request, recorded uncertain, never resent).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendGridFaultTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private readonly List<TimeSpan> _waits = [];

    public void Dispose() => _sendGrid.Stop();

    private static string Subject(int batch) => $"batch {batch:00}";

    private void Behave(int batch, params Func<IResponseBuilder, IResponseBuilder>[] responses)
    {
        var scenario = "b" + batch;
        for (var i = 0; i < responses.Length; i++)
        {
            var request = Request.Create().WithPath("/v3/mail/send").UsingPost().WithBody(new WireMock.Matchers.WildcardMatcher($"*\"{Subject(batch)}\"*"));
            var step = _sendGrid.Given(request).InScenario(scenario);
            if (i > 0) step = step.WhenStateIs("s" + i);
            if (i < responses.Length - 1) step = step.WillSetStateTo("s" + (i + 1));
            step.RespondWith(responses[i](Response.Create()));
        }
    }

    [Fact]
    public async Task Nothing_is_lost_and_nothing_is_sent_twice_whatever_sendgrid_answers()
    {
        Func<IResponseBuilder, IResponseBuilder> ok = r => r.WithStatusCode(202).WithHeader("X-Message-Id", Guid.NewGuid().ToString("N"));
        Behave(1, r => r.WithStatusCode(429).WithHeader("Retry-After", "7"), ok);
        Behave(2, r => r.WithStatusCode(500), ok);
        Behave(3, r => r.WithStatusCode(503), r => r.WithStatusCode(503), ok);
        Behave(4, ok); // the first attempt dies on a connection reset (ResetOnce below)
        Behave(5, r => r.WithStatusCode(202).WithDelay(TimeSpan.FromSeconds(6)), ok);        // answers after our timeout
        Behave(6, r => r.WithStatusCode(400).WithBody("{\"errors\":[{\"message\":\"The from address does not match a verified Sender Identity\"}]}"));
        for (var b = 7; b <= 12; b++) Behave(b, ok);

        // Warm the fake up first: on a busy 2-core machine its first answer can take longer than a timeout.
        using (var warm = new HttpClient()) await warm.GetAsync(_sendGrid.Url + "/warm-up");
        var client = new SendGrid.SendGridClient(new HttpClient(new ResetOnce(Subject(4)) { InnerHandler = new HttpClientHandler() }) { Timeout = TimeSpan.FromSeconds(3) },
            new SendGrid.SendGridClientOptions { ApiKey = "SG.test-key-not-real", Host = _sendGrid.Url! });
        var transport = new SendGridTransport(client, new SendGrid.Helpers.Mail.EmailAddress("alerts@gazette.example"),
            delay: (wait, _) => { lock (_waits) _waits.Add(wait); return Task.CompletedTask; });
        var batches = new EmailBatches(_storage);
        await _storage.EnsureCreatedAsync();
        var messages = new List<string>();
        for (var b = 1; b <= 12; b++)
        {
            var recipients = Enumerable.Range(1, 3).Select(i => $"r{b:00}-{i}@example.com")
                .Select(e => new BatchRecipient(e, "k-" + e[..5], $"run-faults-k-{e[..5]}", new RecipientLinks("", "", ""))).ToList();
            await batches.EnqueueAsync(new EmailBatch("run-faults", Subject(b), "<p>x</p>", "x", new Dictionary<string, string>(), recipients));
        }

        var queue = _storage.Queue(_storage.Names.EmailBatches);
        foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value) messages.Add(message.MessageText);
        var job = new SendEmailBatch(batches, new DeliveryLedger(_storage, TimeProvider.System), transport);

        // Each message is handled until complete or 5 deliveries, as the queue trigger would (redelivery after a failure).
        var results = new Dictionary<string, List<BatchResult>>();
        foreach (var message in messages)
        {
            results[message] = [];
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var result = await job.RunAsync(message);
                results[message].Add(result);
                if (result.Complete) break;
            }
        }

        // The fake logs a request once it has answered: wait for the late answer to the unanswered batch.
        for (var i = 0; i < 100 && !_sendGrid.LogEntries.Any(e => e.RequestMessage!.Body?.Contains(Subject(5), StringComparison.Ordinal) == true); i++) await Task.Delay(100);

        // What SendGrid accepted: every recipient once, except the refused batch and the unanswered one.
        var accepted = new List<string>();
        var requestsFor = new Dictionary<string, int>();
        foreach (var entry in _sendGrid.LogEntries.Where(e => e.RequestMessage!.Path == "/v3/mail/send"))
        {
            var body = JsonDocument.Parse(entry.RequestMessage!.Body!).RootElement;
            var subject = body.GetProperty("subject").GetString()!;
            requestsFor[subject] = requestsFor.GetValueOrDefault(subject) + 1;
            if (entry.ResponseMessage!.StatusCode is int code && code == 202 && subject != Subject(5))
            {
                accepted.AddRange(body.GetProperty("personalizations").EnumerateArray().SelectMany(p => p.GetProperty("to").EnumerateArray()).Select(t => t.GetProperty("email").GetString()!));
            }
        }

        var expected = Enumerable.Range(1, 12).Where(b => b is not 5 and not 6).SelectMany(b => Enumerable.Range(1, 3).Select(i => $"r{b:00}-{i}@example.com")).Order().ToList();
        Assert.Equal(expected, accepted.Order().ToList()); // each exactly once
        Assert.Equal(1, requestsFor[Subject(5)]);          // the unanswered request was never repeated
        Assert.Contains(TimeSpan.FromSeconds(7), _waits);   // Retry-After honoured

        var ledger = new Dictionary<string, (string? Status, string? Error)>();
        await foreach (var row in _storage.Table(_storage.Names.DeliveriesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"run-faults"}")))
        {
            ledger[row.RowKey] = (row.GetString("Status"), row.GetString("Error"));
        }

        Assert.Equal(36, ledger.Count);
        Assert.All(ledger.Where(l => !l.Key.StartsWith("k-r05", StringComparison.Ordinal) && !l.Key.StartsWith("k-r06", StringComparison.Ordinal)), l => Assert.Equal("sent", l.Value.Status));
        Assert.All(ledger.Where(l => l.Key.StartsWith("k-r05", StringComparison.Ordinal)), l => Assert.Equal("uncertain", l.Value.Status));
        Assert.All(ledger.Where(l => l.Key.StartsWith("k-r06", StringComparison.Ordinal)), l =>
        {
            Assert.Equal("failed", l.Value.Status);
            Assert.StartsWith("SendGrid 400: ", l.Value.Error, StringComparison.Ordinal);
            Assert.Contains("verified Sender Identity", l.Value.Error);
        });
        Assert.Equal(5, results.Values.Single(r => r.Any(x => x.Failed > 0)).Count); // the 400 batch ends on the poison queue after 5 tries
    }

    /// <summary>The first request of one batch fails as a connection reset does (HttpClient cannot tell whether it was read).</summary>
    private sealed class ResetOnce(string subject) : DelegatingHandler
    {
        private int _reset;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains($"\"{subject}\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _reset, 1) == 0)
            {
                throw new HttpRequestException("Connection reset by peer", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
