using System.Diagnostics;
using System.Net;
using System.Text;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Issue 21 finding 1: a body is bounded before it is read. Oversized forms, too many fields and oversized task notes
/// answer 413 or 400 with one log line — never 500, never with the body in memory — and a flood of 27 MB forms leaves
/// the real `gazette serve` process small.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OversizedRequestTests(ITestOutputHelper output) : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-oversized-").FullName;
    private readonly StringWriter _log = new();

    /// <summary>What a client that did not wait for 100-continue may see: the 413, or the connection closed under its upload.</summary>
    private static readonly int[] RefusedOrCut = [413, 0];

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private Task<LocalRunner> StartAsync() => OutboxRunner.StartAsync(_storage, _outbox, TextWriter.Synchronized(_log), "oversized-admin-key-0123456789");

    /// <summary>A urlencoded form of about <paramref name="bytes"/> bytes: an address, then <paramref name="field"/> values of up to <paramref name="valueBytes"/>.</summary>
    private static byte[] Form(long bytes, string field, int valueBytes = 3_800_000)
    {
        var text = new StringBuilder("email=reader%40example.com");
        while (text.Length < bytes)
        {
            var chunk = (int)Math.Min(valueBytes, bytes - text.Length - field.Length - 2);
            if (chunk <= 0) break;
            text.Append('&').Append(field).Append('=').Append('a', chunk);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>
    /// Posts a body (with Content-Length, or chunked); the status, or 0 when the connection was cut before one came. A
    /// client that sends `Expect: 100-continue` (curl does for large bodies) hears the 413 before it sends the body; one
    /// that sends its body regardless has the connection closed under it once the server refused (nothing is read).
    /// </summary>
    private static async Task<int> PostAsync(HttpClient http, string path, byte[] body, bool chunked = false, bool expectContinue = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = chunked ? new StreamContent(new NonSeekable(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        if (chunked) request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = expectContinue;
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static string TaskDoneToken() => new LinkTokens(Scenario.LinkSecret, TimeProvider.System).Issue(LinkPurposes.TaskDone, ReminderLinks.Subject("unit-1", "2022-06-01-001"));

    [Fact]
    public async Task A_10_MB_value_is_refused_before_it_is_read_with_a_log_line()
    {
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var body = Form(10 * 1024 * 1024, "keywords", valueBytes: int.MaxValue);

        var declared = await PostAsync(http, "/subscribe", body);
        var regardless = await PostAsync(http, "/subscribe", body, expectContinue: false);
        var chunked = await PostAsync(http, "/subscribe", body, chunked: true);

        output.WriteLine($"10 MB value: {declared} with Content-Length, {regardless} without waiting for 100-continue, {chunked} chunked\n{_log}");
        Assert.Equal(413, declared);
        Assert.Contains(regardless, RefusedOrCut);
        Assert.Contains(chunked, RefusedOrCut);
        Assert.Equal(3, Lines("Subscribe refused 413").Count); // the server answered 413 to each, and logged it
    }

    [Fact]
    public async Task Five_thousand_parameters_are_refused_with_a_log_line()
    {
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var body = Encoding.ASCII.GetBytes("email=reader%40example.com" + string.Concat(Enumerable.Repeat("&t", 5000)));

        var status = await PostAsync(http, "/subscribe", body);

        output.WriteLine($"5,000 parameters ({body.Length} bytes): {status}\n{_log}");
        Assert.Equal(400, status);
        Assert.Single(Lines("Subscribe refused 400"));
        Assert.Empty(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task Ten_MB_to_tasks_done_is_refused_with_a_log_line_and_a_bad_token_reads_nothing()
    {
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var body = Encoding.ASCII.GetBytes("note=" + new string('a', 10 * 1024 * 1024));

        var valid = await PostAsync(http, $"/tasks/done?token={TaskDoneToken()}", body);
        var validChunked = await PostAsync(http, $"/tasks/done?token={TaskDoneToken()}", body, chunked: true);
        var forged = await PostAsync(http, "/tasks/done?token=forged", Encoding.ASCII.GetBytes("note=" + new string('a', 20_000)), chunked: true);

        output.WriteLine($"10 MB note: {valid}, chunked {validChunked}; 20 KB note with a forged token: {forged}\n{_log}");
        Assert.Equal(413, valid);
        Assert.Contains(validChunked, RefusedOrCut);
        Assert.Equal(2, Lines("CompleteTask refused 413").Count);
        Assert.Equal(400, forged); // the link is refused; the note was never read
    }

    /// <summary>
    /// The attack of the issue: 31 concurrent 27 MB POST /subscribe from one client against the real `gazette serve`
    /// process. Its peak resident memory (VmHWM) must stay under 300 MB.
    /// </summary>
    [Fact]
    public async Task Thirty_one_concurrent_27_MB_subscribes_leave_serve_under_300_MB()
    {
        await using var serve = await ServeProcess.StartAsync(_storage.Names.Prefix, _outbox);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = TimeSpan.FromMinutes(3) };
        using (await http.GetAsync("/")) { } // warm: the idle footprint is not the attack's
        var idle = serve.PeakResidentMegabytes();
        var body = Form(27 * 1024 * 1024, "topics");
        var watch = Stopwatch.StartNew();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 31).Select(_ => PostAsync(http, "/subscribe", body, expectContinue: false)));

        var peak = serve.PeakResidentMegabytes();
        var counts = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{(g.Key == 0 ? "cut" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        output.WriteLine($"31 × {body.Length / 1024 / 1024} MB POST /subscribe in {watch.Elapsed.TotalSeconds:0.0} s: {counts}; peak RSS {idle} MB idle → {peak} MB");
        Assert.True(peak < 300, $"peak RSS {peak} MB (idle {idle} MB); answers {counts}");
        Assert.DoesNotContain(500, statuses);
        Assert.Contains("Subscribe refused 413", serve.Log);
    }

    private List<string> Lines(string text) => _log.ToString().Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
}
