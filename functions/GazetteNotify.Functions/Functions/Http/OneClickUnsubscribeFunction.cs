using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Http;

/// <summary>POST RFC 8058 one-click unsubscribe (List-Unsubscribe-Post).</summary>
public sealed class OneClickUnsubscribeFunction(HttpEndpoints endpoints)
{
    private const string Name = "OneClickUnsubscribe";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.OneClickUnsubscribe)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
