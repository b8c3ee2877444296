using System.Net;
using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Alerts;
using GazetteNotify.Hosting;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Cli.Serve;

/// <summary>What `gazette serve` runs, and what tests start on a free port with their own storage.</summary>
public sealed record LocalRunnerOptions(IConfiguration Configuration, TextWriter Log)
{
    public int Port { get; init; } = 7071;

    public GazetteStorage? Storage { get; init; }

    public TimeProvider? Clock { get; init; }

    /// <summary>Overrides the transport the configuration names (tests: a failing one).</summary>
    public Mail.IMailTransport? Transport { get; init; }

    public string? LinkSecret { get; init; }

    public required string AdminKey { get; init; }

    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a batch in hand stays invisible to other consumers (host.json: one minute).</summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = QueueConsumer.DefaultVisibilityTimeout;

    /// <summary>Attempts before a batch goes to the poison queue (host.json: 5).</summary>
    public int QueueMaxDequeueCount { get; init; } = QueueConsumer.DefaultMaxDequeueCount;

    public bool Timers { get; init; } = true;
}

/// <summary>
/// The whole service on one machine, without the Functions host: Kestrel on 127.0.0.1 with the library's route table
/// (admin JSON routes behind the admin key, as function keys guard them in Azure; admin pages behind a login session), the blob watcher, the three timer jobs on
/// their schedules, and the email-batches consumer. Stopping finishes what is in hand and releases the rest.
/// </summary>
public sealed class LocalRunner : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalRunner(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalRunner> StartAsync(LocalRunnerOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        await app.Services.GetRequiredService<GazetteStorage>().EnsureCreatedAsync(cancellationToken); // before the background jobs look
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalRunner(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>The background jobs a runner with these options would run (built, not started): what it hosts besides routes.</summary>
    public static async Task<IReadOnlyList<IHostedService>> HostedJobsAsync(LocalRunnerOptions options)
    {
        await using var app = Build(options);
        return app.Services.GetServices<IHostedService>().Where(s => s is TimerJob or BlobWatcher or QueueConsumer).ToList();
    }

    private static WebApplication Build(LocalRunnerOptions options)
    {
        // Port 0: a free port, chosen before start so that links in mails can name it.
        var port = options.Port != 0 ? options.Port : FreePort();
        var configuration = options.Configuration[ServiceSettings.PublicBaseUrlSetting] is { Length: > 0 }
            ? options.Configuration
            : new ConfigurationBuilder().AddConfiguration(options.Configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { [ServiceSettings.PublicBaseUrlSetting] = $"http://127.0.0.1:{port}/" }).Build();
        options = options with { Configuration = configuration };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders(); // progress goes to RunnerLog: one line per event, no addresses, no secrets
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = RouteRules.Largest; // each route lowers it to its own budget (RouteRules)
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddGazetteNotify(options.Configuration, () => options.LinkSecret ?? Cli.CliContext.LocalSecret("link-secret"));
        builder.Services.AddSingleton(AdminSignInSettings.Local(options.AdminKey)); // the admin pages: the key once, then a session
        if (options.Storage is { } storage) builder.Services.AddSingleton(storage);
        if (options.Transport is { } transport) builder.Services.AddSingleton(transport);
        var clock = options.Clock ?? TimeProvider.System;
        builder.Services.AddSingleton(clock);
        var log = new RunnerLog(options.Log, clock);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new RequestLog(log.Line));
        builder.Services.AddHostedService(sp => new BlobWatcher(sp.GetRequiredService<GazetteStorage>(), sp.GetRequiredService<Ingestion.IngestIssue>(), log, options.WatchInterval));
        builder.Services.AddHostedService(sp => new QueueConsumer(sp.GetRequiredService<GazetteStorage>(), sp.GetRequiredService<Mail.SendEmailBatch>(), sp.GetRequiredService<Mail.PoisonedBatches>(), log, options.QueuePollInterval, options.QueueVisibilityTimeout, options.QueueMaxDequeueCount));
        if (options.Timers)
        {
            foreach (var timer in BackgroundFunctions.Timers)
            {
                // Not AddHostedService: it adds one service per implementation type, so only the first timer would run.
                builder.Services.AddSingleton<IHostedService>(sp => new TimerJob(timer.ShortName, options.Configuration[timer.ScheduleSetting] ?? timer.DefaultSchedule,
                    c => RunTimerAsync(timer.Name, sp, c), sp.GetRequiredService<GazetteStorage>(), clock, log));
            }
        }

        var app = builder.Build();
        // Every response, a 404 or the admin key's 401 included, carries the security headers; a route's page sets its own.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in SecurityHeaders.Baseline) context.Response.Headers.TryAdd(name, value);
                return Task.CompletedTask;
            });
            return next(context);
        });
        foreach (var route in HttpEndpoints.All)
        {
            app.MapMethods("/" + route.Route, [route.Method], async (HttpContext context) =>
            {
                if (route.Admin && !AdminKeyMatches(context.Request, options.AdminKey))
                {
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsync("admin key required (header x-functions-key)", context.RequestAborted);
                    return;
                }

                var page = await context.RequestServices.GetRequiredService<HttpEndpoints>().HandleAsync(route.Name, context.Request, context.RequestAborted);
                context.Response.StatusCode = page.Status;
                context.Response.ContentType = page.ContentType;
                foreach (var (name, value) in page.Headers) context.Response.Headers[name] = value;
                if (page.Bytes is { } bytes) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                else await context.Response.WriteAsync(page.Html, context.RequestAborted);
            });
        }

        return app;
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>One occurrence of a timer function, as its Functions class runs it; the line the runner logs.</summary>
    private static async Task<string> RunTimerAsync(string function, IServiceProvider services, CancellationToken cancellationToken) => function switch
    {
        BackgroundFunctions.SendTopicAlerts => Describe(await services.GetRequiredService<SendTopicAlerts>().RunAsync(cancellationToken)),
        BackgroundFunctions.SendDeadlineReminders => Describe(await services.GetRequiredService<SendDeadlineReminders>().RunAsync(false, cancellationToken)),
        BackgroundFunctions.ApplyRetention => (await services.GetRequiredService<Retention.ApplyRetention>().RunAsync(cancellationToken)).Describe(),
        _ => throw new InvalidOperationException($"no timer function {function}"),
    };

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully first (work in hand finishes), then releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Compared in constant time: the key guards the JSON admin routes (automation). As the Functions host reads a
    /// function key: header x-functions-key, else ?code= — the admin pages take neither (a signed-in session).
    /// </summary>
    public static bool AdminKeyMatches(HttpRequest request, string key)
    {
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    public static string Describe(AlertRun run) => run.RunKey is null
        ? "no new issue"
        : $"{run.NewIssues} new issues, {run.Digests} digests, {run.Batches} batches queued";

    public static string Describe(ReminderRun run) =>
        $"{run.Day:yyyy-MM-dd}: {run.Plan.Reminders.Count} departments, {run.Batches} batches queued, {run.WithoutAddress.Count} without an address";
}
