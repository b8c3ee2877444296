using GazetteNotify.Site;
using GazetteNotify.Subscriptions;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Http;

/// <summary>POST SendGrid's Event Webhook (ECDSA-signed).</summary>
public sealed class SendGridEventsFunction(HttpEndpoints endpoints)
{
    private const string Name = "SendGridEvents";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SendGridEvents)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
