using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// Allowances per route group (<see cref="RouteRules"/>, docs/adr/0045-request-limits-per-route-group.md), so that no
/// one can use the endpoints to mail-bomb an address or to hammer the store, and no one's traffic uses up another
/// person's: subscribe per client in requests and in bytes, and per e-mail address; a route behind a signed link per
/// the link's subject when the token verifies (a one-click unsubscribe posted from a mail provider's shared servers is
/// not counted against everyone else that provider serves), per client when it does not; public reads per client.
/// In memory, per instance: the per-address confirmation throttle in the store (one mail per 10 minutes) is the
/// durable line; these cut bursts before they reach storage.
/// </summary>
public sealed class RateLimits(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients = FixedWindow(settings.PerClient, settings.ClientWindow);

    private readonly PartitionedRateLimiter<string> _addresses = FixedWindow(settings.PerAddress, settings.AddressWindow);

    private readonly PartitionedRateLimiter<string> _clientBytes = FixedWindow(settings.PerClientBytes, settings.ClientWindow);

    private readonly PartitionedRateLimiter<string> _clientReads = FixedWindow(settings.PerClientReads, settings.ReadWindow);

    private readonly PartitionedRateLimiter<string> _subjectWrites = FixedWindow(settings.PerSubjectWrites, settings.ClientWindow);

    private readonly PartitionedRateLimiter<string> _subjectReads = FixedWindow(settings.PerSubjectReads, settings.ReadWindow);

    /// <summary>A permit count per key per fixed window; a request over it is refused at once, never queued.</summary>
    private static PartitionedRateLimiter<string> FixedWindow(int permits, TimeSpan window) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    public bool AllowClient(HttpRequest request) => Acquire(_clients, ClientOf(request));

    /// <summary>
    /// Whether a request of this group may go on: <paramref name="subject"/> is the verified token's purpose and subject
    /// (null when there is no valid token); <paramref name="bytes"/> what its body may cost (Content-Length, or the
    /// route's budget for a chunked body).
    /// </summary>
    public bool Allow(RouteGroup group, HttpRequest request, string? subject, long bytes) => group switch
    {
        RouteGroup.Subscribe => AllowClient(request) && AllowBytes(ClientOf(request), bytes),
        RouteGroup.TokenWrite => subject is not null ? Acquire(_subjectWrites, subject) : AllowClient(request),
        RouteGroup.TokenRead => subject is not null ? Acquire(_subjectReads, subject) : Acquire(_clientReads, ClientOf(request)),
        RouteGroup.PublicRead => Acquire(_clientReads, ClientOf(request)),
        _ => true,
    };

    /// <summary>Seconds until a refused request of this group is worth trying again (its window).</summary>
    public int RetryAfterSeconds(RouteGroup group) =>
        (int)(group is RouteGroup.PublicRead or RouteGroup.TokenRead ? settings.ReadWindow : settings.ClientWindow).TotalSeconds;

    private bool AllowBytes(string client, long bytes)
    {
        if (bytes <= 0) return true;
        if (bytes > settings.PerClientBytes) return false;
        using var lease = _clientBytes.AttemptAcquire(client, (int)bytes);
        return lease.IsAcquired;
    }

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
        _clientBytes.Dispose();
        _clientReads.Dispose();
        _subjectWrites.Dispose();
        _subjectReads.Dispose();
    }
}

/// <summary>
/// Defaults: 30 state-changing requests and 256 KB of form per client per 10 minutes; 5 subscribe requests per address
/// per hour; 20 state changes per signed link's subject per 10 minutes; 300 reads per client, and 60 per link subject,
/// per minute.
/// </summary>
public sealed record RateLimitSettings(int PerClient, TimeSpan ClientWindow, int PerAddress, TimeSpan AddressWindow, bool TrustForwardedFor)
{
    public static RateLimitSettings Default { get; } = new(30, TimeSpan.FromMinutes(10), 5, TimeSpan.FromHours(1), false);

    public int PerClientBytes { get; init; } = 256 * 1024;

    public int PerSubjectWrites { get; init; } = 20;

    public int PerClientReads { get; init; } = 300;

    public int PerSubjectReads { get; init; } = 60;

    public TimeSpan ReadWindow { get; init; } = TimeSpan.FromMinutes(1);
}
