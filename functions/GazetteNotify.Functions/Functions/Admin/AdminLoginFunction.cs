using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>POST the admin key (locally only; in Azure a redirect to the Entra ID sign-in).</summary>
public sealed class AdminLoginFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminLogin";

    // Anonymous: the way in to the admin pages.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminLogin)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
