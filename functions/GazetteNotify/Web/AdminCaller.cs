using GazetteNotify.Site;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// The person at the admin pages, as <see cref="AdminSignIn"/> admitted them: <see cref="Who"/> is what the audit
/// records (a name and Entra object id in Azure, the session locally — never a key), <see cref="Subject"/> what every
/// form token is bound to (the same person, the same session).
/// </summary>
public sealed record AdminCaller(string Who, string Subject)
{
    private static readonly object ItemKey = typeof(AdminCaller);

    /// <summary>The caller admitted for this request; an admin page reached without the sign-in check is a bug, not a guest.</summary>
    public static AdminCaller Of(HttpRequest request) =>
        request.HttpContext.Items[ItemKey] as AdminCaller ?? throw new InvalidOperationException("an admin page was reached without the sign-in check");

    internal void AttachTo(HttpRequest request) => request.HttpContext.Items[ItemKey] = this;

    /// <summary>The hidden field every admin form carries: sealed, short-lived, valid only for the same person.</summary>
    public string FormToken(LinkTokens tokens) => tokens.Issue(LinkPurposes.AdminForm, Subject);

    /// <summary>
    /// A POST is the admin's own when its form token was served to this person and the browser does not call it
    /// cross-site (Sec-Fetch-Site, or an Origin of another host). A form on another site can have neither.
    /// </summary>
    public bool PostedFromOwnPage(HttpRequest request, string? formToken, LinkTokens tokens)
    {
        if (!FromOwnSite(request)) return false;
        var check = tokens.Verify(formToken, LinkPurposes.AdminForm);
        return check.IsValid && check.Subject == Subject;
    }

    /// <summary>Not sent by a page of another site: Sec-Fetch-Site, else an Origin naming this host.</summary>
    public static bool FromOwnSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site" or "same-site") return false;
        return request.Headers.Origin.FirstOrDefault() is not { Length: > 0 } origin || origin == "null"
            || (Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
