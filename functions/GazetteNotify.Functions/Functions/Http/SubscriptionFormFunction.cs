using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Http;

/// <summary>GET the subscription page (/).</summary>
public sealed class SubscriptionFormFunction(HttpEndpoints endpoints)
{
    private const string Name = "SubscriptionForm";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpEndpoints.FunctionsRootRoute)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
