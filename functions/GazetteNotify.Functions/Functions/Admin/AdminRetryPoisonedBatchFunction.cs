using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Admin;

/// <summary>POST from the admin page: put a poisoned batch back on the queue, once (recorded; safe to repeat).</summary>
public sealed class AdminRetryPoisonedBatchFunction(HttpEndpoints endpoints)
{
    private const string Name = "AdminRetryPoisonedBatch";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminRetryPoisonedBatch)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
