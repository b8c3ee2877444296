using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// Limits on the subscription endpoints, so that no one can use them to mail-bomb an address or to hammer the store:
/// per client (the caller's address) on every state-changing route, and per e-mail address on subscribe. In memory,
/// per instance: the per-address confirmation throttle in the store (one mail per 10 minutes) is the durable line;
/// these cut bursts before they reach storage.
/// </summary>
public sealed class RateLimits(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PerClient, Window = settings.ClientWindow, QueueLimit = 0 }));

    private readonly PartitionedRateLimiter<string> _addresses = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PerAddress, Window = settings.AddressWindow, QueueLimit = 0 }));

    public bool AllowClient(HttpRequest request) => Acquire(_clients, ClientOf(request));

    public bool AllowAddress(string normalisedAddress) => Acquire(_addresses, normalisedAddress);

    /// <summary>Counted per inbox: victim+1@ and victim+2@ (and at Gmail v.ictim@) share one allowance.</summary>
    public bool AllowAddress(Mail.EmailAddress address) => AllowAddress(Mail.MailboxKey.Of(address).Value);

    /// <summary>
    /// The caller: behind Azure's front end (Http:TrustForwardedFor), the address it appended last to X-Forwarded-For —
    /// earlier entries are whatever the client sent; otherwise the connection's remote address.
    /// </summary>
    public string ClientOf(HttpRequest request)
    {
        if (settings.TrustForwardedFor && request.Headers["X-Forwarded-For"].LastOrDefault() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null) return StripPort(last);
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static string StripPort(string address) =>
        address.Count(c => c == ':') == 1 ? address[..address.IndexOf(':', StringComparison.Ordinal)] : address.Trim('[', ']');

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _clients.Dispose();
        _addresses.Dispose();
    }
}

/// <summary>Defaults: 30 state-changing requests per client per 10 minutes; 5 subscribe requests per address per hour.</summary>
public sealed record RateLimitSettings(int PerClient, TimeSpan ClientWindow, int PerAddress, TimeSpan AddressWindow, bool TrustForwardedFor)
{
    public static RateLimitSettings Default { get; } = new(30, TimeSpan.FromMinutes(10), 5, TimeSpan.FromHours(1), false);
}
