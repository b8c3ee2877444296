using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>GET the admin's page: issues, rejected uploads, review list, unmapped units, deliveries, poisoned batches.</summary>
public sealed class AdminPageFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminPage";

    // Anonymous at the host: App Service Authentication signs the person in, the worker requires the admin role.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminPage)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
