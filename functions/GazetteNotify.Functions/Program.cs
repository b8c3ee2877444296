using GazetteNotify.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The isolated worker: ASP.NET Core integration (HttpRequest in, IActionResult out), Application Insights (with
// Entra ID auth from APPLICATIONINSIGHTS_AUTHENTICATION_STRING), and the library's own registration. Nothing else.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddGazetteNotify(builder.Configuration);
builder.Build().Run();
