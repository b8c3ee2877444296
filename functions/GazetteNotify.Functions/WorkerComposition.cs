using GazetteNotify.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GazetteNotify.Functions;

/// <summary>
/// Everything the isolated worker registers, in one place so that Program.cs and the composition tests build the same
/// host: ASP.NET Core integration (HttpRequest in, IActionResult out), Application Insights (Entra ID auth from
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING), and the library's own registration. Nothing else.
/// </summary>
public static class WorkerComposition
{
    public static FunctionsApplicationBuilder AddGazetteNotifyWorker(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        builder.Services.AddGazetteNotify(builder.Configuration);
        return builder;
    }
}
