using GazetteNotify.Site;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GazetteNotify.Functions.Http;

/// <summary>GET the archive search page (results when the query string asks for something).</summary>
public sealed class SearchPageFunction(HttpEndpoints endpoints)
{
    private const string Name = "SearchPage";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Search)] HttpRequest request, CancellationToken cancellationToken) =>
        (await endpoints.HandleAsync(Name, request, cancellationToken)).ToActionResult();
}
