using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>POST from the admin page: sign out (Entra ID in Azure, the session cookie locally).</summary>
public sealed class AdminLogoutFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminLogout";

    // Anonymous at the host: App Service Authentication signs the person in, the worker requires the admin role.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminLogout)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
