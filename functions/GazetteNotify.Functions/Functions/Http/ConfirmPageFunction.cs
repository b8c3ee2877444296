using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Http;

/// <summary>GET a confirm link: the page with what would be confirmed and its button (mail scanners follow links; nothing changes).</summary>
public sealed class ConfirmPageFunction(HttpEndpoints endpoints)
{
    private const string Name = "ConfirmPage";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Confirm)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
