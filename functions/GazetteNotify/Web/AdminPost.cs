using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>What every form on an admin page posts with: the form token bound to the signed-in person (no key, no query).</summary>
public sealed record AdminPost(string FormToken, Uri PublicBaseUrl)
{
    /// <summary>An admin action's path under the public base URL.</summary>
    public string Action(string route) => Routes.FormAction(PublicBaseUrl, route);
}
