using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>GET one issue's documents, tasks and deadlines (admin).</summary>
public sealed class AdminIssuePageFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminIssuePage";

    // Anonymous at the host: App Service Authentication signs the person in, the worker requires the admin role.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminIssuePage)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
