using System.Net;
using System.Text;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Tests.Security;

/// <summary>The subscription endpoints cannot be used to flood an address or the store: limits per client and per address.</summary>
public class RateLimitTests
{
    private static HttpRequest Post(string ip, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (forwardedFor is not null) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("email=a%40example.com"));
        return context.Request;
    }

    [Fact]
    public void A_client_is_cut_off_after_its_allowance_and_others_are_not()
    {
        using var limits = new RateLimits(RateLimitSettings.Default with { PerClient = 3 });

        Assert.True(Enumerable.Range(0, 3).All(_ => limits.AllowClient(Post("203.0.113.7"))));
        Assert.False(limits.AllowClient(Post("203.0.113.7")));
        Assert.True(limits.AllowClient(Post("198.51.100.2")));
    }

    [Fact]
    public void A_forged_forwarded_for_header_does_not_reset_the_allowance_unless_a_trusted_front_end_sets_it()
    {
        using var local = new RateLimits(RateLimitSettings.Default with { PerClient = 2 });
        Assert.True(local.AllowClient(Post("203.0.113.7", "1.1.1.1")));
        Assert.True(local.AllowClient(Post("203.0.113.7", "2.2.2.2")));
        Assert.False(local.AllowClient(Post("203.0.113.7", "3.3.3.3"))); // not trusted: the connection counts

        using var azure = new RateLimits(RateLimitSettings.Default with { PerClient = 2, TrustForwardedFor = true });
        Assert.Equal("198.51.100.9", azure.ClientOf(Post("10.0.0.1", "6.6.6.6, 198.51.100.9:51234"))); // the front end's entry is the last
        Assert.True(azure.AllowClient(Post("10.0.0.1", "forged, 198.51.100.9")));
        Assert.True(azure.AllowClient(Post("10.0.0.1", "other-forgery, 198.51.100.9")));
        Assert.False(azure.AllowClient(Post("10.0.0.1", "a-third, 198.51.100.9")));
        Assert.True(azure.AllowClient(Post("10.0.0.1", "198.51.100.10")));
    }

    [Fact]
    public void An_address_is_limited_whoever_asks()
    {
        using var limits = new RateLimits(RateLimitSettings.Default);
        Assert.True(Enumerable.Range(0, RateLimitSettings.Default.PerAddress).All(_ => limits.AllowAddress("victim@example.com")));
        Assert.False(limits.AllowAddress("victim@example.com"));
        Assert.True(limits.AllowAddress("someone-else@example.com"));
    }
}
