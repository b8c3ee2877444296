namespace GazetteNotify.Web;

/// <summary>
/// One HTTP endpoint as both hosts expose it: the function name (Azure), the method, the route (relative to the site
/// root: host.json sets routePrefix ""), whether it is an admin JSON route for automation (a function key in Azure,
/// the admin key header locally), and the handler.
/// </summary>
public sealed record HttpRoute(string Name, string Method, string Route, bool Admin, Func<HttpEndpoints, Microsoft.AspNetCore.Http.HttpRequest, CancellationToken, Task<PageResult>> Handle)
{
    /// <summary>An admin page or button: anonymous at the host, the worker admits a signed-in admin (<see cref="AdminSignIn"/>).</summary>
    public bool ForSignedInAdmin { get; init; }
}
