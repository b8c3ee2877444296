using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>POST from the admin page: give a department an e-mail address (recorded; safe to repeat).</summary>
public sealed class AdminSetDepartmentEmailFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminSetDepartmentEmail";

    // Anonymous at the host: App Service Authentication signs the person in, the worker requires the admin role.
    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminSetDepartmentEmail)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
