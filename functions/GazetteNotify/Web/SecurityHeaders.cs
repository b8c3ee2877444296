using System.Security.Cryptography;
using System.Text;

namespace GazetteNotify.Web;

/// <summary>
/// The headers every response carries, from both hosts. The pages have no script, no image and no frame; their only
/// active content is inline CSS, allowed by the SHA-256 of each static style (never 'unsafe-inline', so an injected
/// style or script has no effect). Links carry tokens, so no Referer leaves the site. Personal answers (a token's page,
/// the admin's) are never stored by a cache; public pages and feeds may be kept for five minutes.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Hashes of the inline styles the pages render: Html/PageLayout (public, admin), SearchPage, ArchiveStyle, and the
    /// style attributes of the forms ('unsafe-hashes' lets only these exact attribute values apply). Changing one of
    /// those styles changes its hash: SecurityHeadersTests names the missing one.
    /// </summary>
    public static IReadOnlyList<string> StyleHashes { get; } =
    [
        "TbswwhTO0deqQbO1XjT2I3rMJXHn1X+yxTWd14urlIY=", // PageLayout, public
        "6mcLyfd3rfWAHpDsyQPBuOPikepdFs3ZvzBQQcX/73U=", // PageLayout, admin
        "svuVIeEdaztxdnZv/DPlwq5r+l8qxjJcGi4qi/RbcJY=", // SearchPage
        Hash(ArchiveStyle.Css),
        "rwILATDfY3LiUkInJz6PgYXZx1T3nufRPTMqNlL92zU=", // style="color:#a00"
        "a4tj1WXEmGqOxBANAF3uzawGDJwaj6X3GnmrjTUzhuc=", // style="display:inline"
        "t6oewASd7J1vBg5mQtX4hl8bg8FeegYFM3scKLIhYUc=", // style="width:100%"
    ];

    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; style-src 'unsafe-hashes' " + string.Join(' ', StyleHashes.Select(h => $"'sha256-{h}'"))
        + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string NoStore = "no-store";
    public const string PublicShort = "public, max-age=300";

    /// <summary>What every response carries whatever answered it (404s and 401s of `gazette serve` included).</summary>
    public static IReadOnlyDictionary<string, string> Baseline { get; } = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
        ["Cache-Control"] = NoStore,
    };

    /// <summary>A page's headers with the baseline added; a public route's successful answer may be cached briefly.</summary>
    public static IReadOnlyDictionary<string, string> For(RouteRule rule, PageResult page)
    {
        var headers = new Dictionary<string, string>(Baseline, StringComparer.OrdinalIgnoreCase);
        if (!rule.Personal && page.Status == 200) headers["Cache-Control"] = PublicShort;
        foreach (var (name, value) in page.Headers) headers[name] = value;
        return headers;
    }

    public static string Hash(string inlineStyle) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineStyle)));
}
