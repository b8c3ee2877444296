using GazetteNotify.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

FunctionsApplication.CreateBuilder(args).AddGazetteNotifyWorker().Build().Run();
