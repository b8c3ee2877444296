using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>What every form on an admin page posts with: the key kept as ?code=, and the form token bound to that key.</summary>
public sealed record AdminPost(string? Code, string FormToken, Uri PublicBaseUrl)
{
    /// <summary>An admin action's path under the public base URL, the key kept.</summary>
    public string Action(string route) => AdminCaller.WithCode(Routes.FormAction(PublicBaseUrl, route), Code);
}
