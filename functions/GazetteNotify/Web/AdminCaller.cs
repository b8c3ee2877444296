using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// Who is at the admin page, as far as the worker can tell: the key the request carried (header x-functions-key or
/// ?code=, as the Functions host and `gazette serve` accept it) — recorded only as a fingerprint, never the key. The
/// host (or serve) has already checked the key; this names the caller in the audit and binds each form to it.
/// </summary>
public sealed record AdminCaller(string? Code, string Fingerprint)
{
    public string Who => Fingerprint.Length == 0 ? "管理页面" : $"管理页面（密钥 {Fingerprint}）";

    /// <summary>The key a request presents, as the Functions host reads it: header x-functions-key, else ?code=.</summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();

    /// <summary>A path on the admin pages with the key kept as ?code= (when the page was opened with one).</summary>
    public static string WithCode(string path, string? code) => code is null ? path : $"{path}?code={Uri.EscapeDataString(code)}";

    public string WithCode(string path) => WithCode(path, Code);

    public static AdminCaller Of(HttpRequest request)
    {
        var code = request.Query["code"].FirstOrDefault();
        var key = PresentedKey(request);
        var fingerprint = string.IsNullOrEmpty(key) ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return new AdminCaller(code, fingerprint);
    }

    /// <summary>The hidden field every admin form carries: sealed, short-lived, valid only with the same key.</summary>
    public string FormToken(LinkTokens tokens) => tokens.Issue(LinkPurposes.AdminForm, Fingerprint);

    /// <summary>
    /// A POST is the admin's own when its form token was served to this key and the browser does not call it
    /// cross-site (Sec-Fetch-Site, or an Origin of another host). A form on another site can have neither.
    /// </summary>
    public bool PostedFromOwnPage(HttpRequest request, string? formToken, LinkTokens tokens)
    {
        if (request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site" or "same-site") return false;
        if (request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin && origin != "null"
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var o) || !string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var check = tokens.Verify(formToken, LinkPurposes.AdminForm);
        return check.IsValid && check.Subject == Fingerprint;
    }
}
