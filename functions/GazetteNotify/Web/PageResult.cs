namespace GazetteNotify.Web;

/// <summary>What an HTTP handler answers: a status and a body, HTML unless said otherwise (both hosts write it out the same way).</summary>
public sealed record PageResult(int Status, string Html)
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public string ContentType { get; init; } = HtmlContentType;

    /// <summary>Extra response headers (Retry-After on 429).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A body that is not text (an issue's original upload): written instead of <see cref="Html"/> when set.</summary>
    public byte[]? Bytes { get; init; }
}

/// <summary>A subscription form as posted (application/x-www-form-urlencoded), already split into fields.</summary>
public sealed record SubscriptionForm(string? Email, IReadOnlyList<string> Topics, string? Keywords, string? Issuers, string? Prefixes, string? Frequency)
{
    /// <summary>Doc numbers to follow, separated like the other lists.</summary>
    public string? Follows { get; init; }
}
