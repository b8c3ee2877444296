using System.CommandLine;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Hosting;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette serve [--port 7071] [--now DATE] [--no-timers]`: the whole service on this machine, on the storage the
/// environment names (Azurite by default). Ctrl-C stops it gracefully.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 7071 };
        var now = new Option<string?>("--now") { Description = "Start the clock at this day (yyyy-MM-dd, 08:00 China time) or moment; it then runs in real time." };
        var noTimers = new Option<bool>("--no-timers") { Description = "Do not run the timer jobs on their schedules (run them with `gazette run`)." };
        var command = new Command("serve", "Run the service locally: HTTP routes, blob watcher, timer jobs and the email-batches consumer.") { port, now, noTimers };
        command.SetAction(async (result, cancellationToken) =>
        {
            TimeProvider clock = context.Clock;
            if (result.GetValue(now) is { } text)
            {
                if (!FixedClock.TryParse(text, out var start))
                {
                    await context.Error.WriteLineAsync("gazette serve: --now must be a date yyyy-MM-dd or a timestamp");
                    return 1;
                }

                clock = ShiftedClock.StartingAt(start.GetUtcNow());
            }

            var configuration = CliContext.ConfigurationFromEnvironment();
            ServiceSettings settings;
            Storage.GazetteStorage storage;
            TimeSpan visibility;
            int attempts;
            try
            {
                settings = ServiceSettings.From(configuration);
                storage = context.Storage;
                visibility = QueueConsumer.VisibilityTimeoutFrom(configuration);
                attempts = QueueConsumer.MaxDequeueCountFrom(configuration);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                await context.Error.WriteLineAsync($"gazette serve: {e.Message}");
                return 2;
            }

            var adminKey = configuration["AdminKey"] is { Length: >= 16 } configured ? configured : CliContext.LocalSecret("admin-key");
            LocalRunner runner;
            try
            {
                runner = await LocalRunner.StartAsync(new LocalRunnerOptions(configuration, context.Output)
                {
                    Port = result.GetValue(port),
                    Clock = clock,
                    Storage = storage,
                    LinkSecret = context.LinkSecret(),
                    AdminKey = adminKey,
                    Timers = !result.GetValue(noTimers),
                    QueueVisibilityTimeout = visibility,
                    QueueMaxDequeueCount = attempts,
                }, cancellationToken);
            }
            catch (IOException e)
            {
                await context.Error.WriteLineAsync($"gazette serve: cannot listen on 127.0.0.1:{result.GetValue(port)} ({e.Message})");
                return 1;
            }
            catch (Exception e) when (e is Storage.StorageUnreachableException || Storage.StorageUnreachableException.IsConnectionFailure(e))
            {
                await context.Error.WriteLineAsync($"gazette serve: {Storage.StorageUnreachableException.For(storage.Settings, "blob/queue/table", e).Message}");
                return CliContext.StorageUnreachableExitCode;
            }

            await using (runner)
            {
                var transport = settings.Transport switch
                {
                    MailTransportKind.Smtp => $"SMTP {settings.SmtpHost}:{settings.SmtpPort}",
                    MailTransportKind.SendGrid => "SendGrid",
                    _ => "outbox folder " + Path.GetFullPath(settings.OutboxFolder),
                };
                await context.Output.WriteLineAsync($"gazette serve: {runner.BaseUrl} · mail to {transport} · clock {Time.ChinaTime.Minute(clock.GetUtcNow())} China time");
                await context.Output.WriteLineAsync($"  subscription page {runner.BaseUrl}");
                await context.Output.WriteLineAsync($"  admin page        {runner.BaseUrl}admin/login (log in once with the key: {(configuration["AdminKey"] is { Length: >= 16 } ? "the AdminKey setting" : "~/.gazette/admin-key")})");
                await context.Output.WriteLineAsync("  watching gazette-issues; Ctrl-C stops");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await context.Output.WriteLineAsync("gazette serve: stopping (finishing work in hand)");
                }

                await runner.StopAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }
}
