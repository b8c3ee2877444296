using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Issue 21, findings 3–5, through the route table as both hosts pass requests: a mail scanner that opens a confirm
/// link, a stranger who subscribes a pending address again with other preferences, and plus-addresses of one mailbox.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class SubscriptionAbuseTests : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-abuse-").FullName;
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private ServiceProvider Services()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GazetteStorage"] = "UseDevelopmentStorage=true",
            ["Mail:Transport"] = "outbox",
            ["Mail:Outbox"] = _outbox,
            ["LinkSigningSecret"] = Scenario.LinkSecret,
            ["PublicBaseUrl"] = "https://gazette.example.org",
        };
        var services = new ServiceCollection().AddGazetteNotify(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(_storage);
        return services.BuildServiceProvider();
    }

    private static HttpRequest Request(string method, string path, string client, string? token = null, Dictionary<string, string>? form = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(client);
        context.Request.Method = method;
        context.Request.Path = path;
        if (token is not null) context.Request.QueryString = new QueryString("?token=" + Uri.EscapeDataString(token));
        if (form is not null)
        {
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))));
        }

        return context.Request;
    }

    private static Task<PageResult> SubscribeAsync(HttpEndpoints endpoints, string email, string client, string topic, string frequency) =>
        endpoints.HandleAsync("Subscribe", Request("POST", "/subscribe", client, form: new() { ["email"] = email, ["topics"] = topic, ["frequency"] = frequency }));

    /// <summary>The confirm links in the outbox, oldest first.</summary>
    private List<string> ConfirmTokens() => Directory.GetFiles(_outbox, "*.eml").Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc)
        .Select(f => ConfirmToken().Match(MimeMessage.Load(f.FullName).TextBody ?? "")).Where(m => m.Success)
        .Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();

    /// <summary>What a scanner does with a link: GET it.</summary>
    private static Task<PageResult> OpenAsync(HttpEndpoints endpoints, string token) =>
        endpoints.HandleAsync(HttpEndpoints.All.Single(r => r.Method == "GET" && r.Route == Routes.Confirm).Name, Request("GET", "/confirm", "203.0.113.50", token));

    /// <summary>What a person does: open the link, then press the page's button (a POST) where there is one.</summary>
    private static async Task<PageResult> ConfirmAsync(HttpEndpoints endpoints, string token)
    {
        var page = await OpenAsync(endpoints, token);
        return HttpEndpoints.All.SingleOrDefault(r => r.Method == "POST" && r.Route == Routes.Confirm) is { } post
            ? await endpoints.HandleAsync(post.Name, Request("POST", "/confirm", "203.0.113.50", token, form: []))
            : page;
    }

    [Fact]
    public async Task A_mail_scanner_opening_the_confirm_link_leaves_the_request_pending()
    {
        using var services = Services();
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        await SubscribeAsync(endpoints, "victim@example.com", "198.51.100.7", "finance", "Daily");

        var scanned = await OpenAsync(endpoints, ConfirmTokens().Single());

        Assert.Equal(200, scanned.Status);
        Assert.Equal(SubscriptionStatus.Pending, (await new SubscriberStore(_storage, TimeProvider.System).GetAsync(EmailAddress.Parse("victim@example.com")))!.Status);
    }

    [Fact]
    public async Task A_stranger_subscribing_a_pending_address_again_cannot_change_what_the_owners_link_activates()
    {
        using var services = Services();
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        await SubscribeAsync(endpoints, "victim@example.com", "198.51.100.7", "finance", "Daily");
        var victimsLink = ConfirmTokens().Single();
        await SubscribeAsync(endpoints, "victim@example.com", "203.0.113.66", "agriculture", "Weekly"); // the attacker, elsewhere

        Assert.Equal(200, (await ConfirmAsync(endpoints, victimsLink)).Status);

        var active = (await new SubscriberStore(_storage, TimeProvider.System).GetAsync(EmailAddress.Parse("victim@example.com")))!;
        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.Equal(("finance", DigestFrequency.Daily), (string.Join("、", active!.Preferences.Topics), active.Preferences.Frequency));
    }

    [Fact]
    public async Task Twelve_plus_addresses_of_one_mailbox_from_one_client_send_one_confirmation()
    {
        using var services = Services();
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        for (var i = 1; i <= 12; i++) await SubscribeAsync(endpoints, $"victim+{i}@example.com", "198.51.100.7", "finance", "Daily");

        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task The_owners_confirm_goes_through_after_others_at_the_same_address_used_up_its_allowance()
    {
        using var services = Services();
        var endpoints = services.GetRequiredService<HttpEndpoints>();
        const string sharedServer = "198.51.100.7"; // a provider's shared server, or one office's NAT
        await SubscribeAsync(endpoints, "owner@example.com", sharedServer, "finance", "Daily");
        var link = ConfirmTokens().Single();
        var statuses = new List<int>();
        for (var i = 0; i < 35; i++) statuses.Add((await SubscribeAsync(endpoints, $"other-{i}@example.net", sharedServer, "finance", "Daily")).Status);
        Assert.Equal(429, statuses[^1]);

        var forged = await endpoints.HandleAsync("Confirm", Request("POST", "/confirm", sharedServer, "forged", form: []));
        var page = await endpoints.HandleAsync("ConfirmPage", Request("GET", "/confirm", sharedServer, link));
        var confirmed = await endpoints.HandleAsync("Confirm", Request("POST", "/confirm", sharedServer, link, form: []));

        Assert.Equal(429, forged.Status); // a forged token still draws on the address's allowance
        Assert.Equal((200, 200), (page.Status, confirmed.Status));
        Assert.Equal(SubscriptionStatus.Active, (await new SubscriberStore(_storage, TimeProvider.System).GetAsync(EmailAddress.Parse("owner@example.com")))!.Status);
    }

    [Fact]
    public void The_in_memory_address_limit_counts_an_inbox_not_the_address_as_typed()
    {
        using var limits = new RateLimits(RateLimitSettings.Default);
        var allowed = Enumerable.Range(1, 12).Count(i => limits.AllowAddress(EmailAddress.Parse($"victim+{i}@example.com")));
        Assert.Equal(RateLimitSettings.Default.PerAddress, allowed);
        Assert.False(limits.AllowAddress(EmailAddress.Parse("Victim@Example.com")));
        Assert.True(limits.AllowAddress(EmailAddress.Parse("victim2@example.com")));
    }

    [GeneratedRegex(@"/confirm\?token=(\S+)")]
    private static partial Regex ConfirmToken();
}
