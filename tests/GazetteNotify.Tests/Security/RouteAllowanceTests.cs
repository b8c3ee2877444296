using System.Net;
using System.Text;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Issue 21 finding 6: allowances per route group, counted in bytes as well as requests, and a signed link with a
/// valid token counted per its subject — so a one-click unsubscribe posted from an address someone else used up still
/// unsubscribes, while forged tokens from that address are still cut off.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RouteAllowanceTests(ITestOutputHelper output) : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-allowance-").FullName;
    private readonly StringWriter _log = new();

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private Task<LocalRunner> StartAsync() => OutboxRunner.StartAsync(_storage, _outbox, TextWriter.Synchronized(_log), "allowance-admin-key-0123456789");

    private static FormUrlEncodedContent Subscription(int i) => new([new("email", $"someone-{i}@example.com"), new("keywords", "居住证")]);

    [Fact]
    public async Task A_valid_one_click_unsubscribe_goes_through_after_the_client_used_up_its_allowance()
    {
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "leaving@example.com", Scenario.Keywords("居住证"));
        var token = new LinkTokens(Scenario.LinkSecret, TimeProvider.System).Issue(LinkPurposes.Unsubscribe, "leaving@example.com");
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };

        // Someone else at the same address (a mail provider's shared server) uses up the client's allowance.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++) statuses.Add((await http.PostAsync("/subscribe", Subscription(i))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        var forged = await http.PostAsync("/api/unsubscribe?token=forged", new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        var oneClick = await http.PostAsync($"/api/unsubscribe?token={token}", new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));

        var status = (await new SubscriberStore(_storage, TimeProvider.System).GetAsync(EmailAddress.Parse("leaving@example.com")))!.Status;
        output.WriteLine($"after {statuses.Count(s => s == HttpStatusCode.OK)} subscribes and {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} refusals: forged token {(int)forged.StatusCode}, valid one-click {(int)oneClick.StatusCode}, subscriber {status}");
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode); // a forged token still draws on the client's allowance
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriptionStatus.Unsubscribed, status);
    }

    [Fact]
    public async Task Bytes_count_per_client_as_well_as_requests()
    {
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var keywords = string.Join('、', Enumerable.Range(0, 40).Select(i => $"关键词{i:00}很长的一个关键词"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var form = new FormUrlEncodedContent([new("email", $"bytes-{i}@example.com"), new("keywords", keywords), new("issuers", keywords), new("prefixes", keywords)]);
            var response = await http.PostAsync("/subscribe", form);
            if (response.StatusCode == HttpStatusCode.InternalServerError) output.WriteLine(await response.Content.ReadAsStringAsync());
            statuses.Add(response.StatusCode);
        }

        var allowed = statuses.TakeWhile(s => s == HttpStatusCode.OK).Count();
        Assert.True(allowed < statuses.Count, $"all {statuses.Count} forms accepted: bytes are not counted");
        output.WriteLine($"forms of about {new FormUrlEncodedContent([new("k", keywords)]).Headers.ContentLength * 3 / 1024} KB: {allowed} accepted, then {statuses[allowed]}");
        Assert.InRange(allowed, 10, 24); // fewer than the 30 requests a client may make: its bytes ran out first
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[allowed]);
    }
    [Fact]
    public async Task A_token_page_read_in_a_burst_is_told_to_wait_and_other_links_are_not()
    {
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "reader@example.com", Scenario.Keywords("居住证"));
        await Scenario.SubscribeAsync(_storage, TimeProvider.System, "other@example.com", Scenario.Keywords("居住证"));
        var tokens = new LinkTokens(Scenario.LinkSecret, TimeProvider.System);
        await using var runner = await StartAsync();
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var link = $"/manage?token={tokens.Issue(LinkPurposes.Manage, "reader@example.com")}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++) statuses.Add((await http.GetAsync(link)).StatusCode);
        using var last = await http.GetAsync(link);
        using var other = await http.GetAsync($"/manage?token={tokens.Issue(LinkPurposes.Manage, "other@example.com")}");

        output.WriteLine($"61 reads of one manage link: {statuses.Count(s => s == HttpStatusCode.OK)} × 200, then {(int)last.StatusCode} (Retry-After {last.Headers.RetryAfter}); another person's link: {(int)other.StatusCode}");
        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
