using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>GET the admin sign-in: Entra ID in Azure (a redirect to App Service Authentication), the key form locally.</summary>
public sealed class AdminLoginPageFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminLoginPage";

    // Anonymous: the way in to the admin pages.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminLogin)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
