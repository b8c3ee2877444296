using Azure;
using Azure.Data.Tables;
using Cronos;
using GazetteNotify.Storage;
using Microsoft.Extensions.Hosting;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// A timer job on its 6-field NCRONTAB schedule (the same app setting as the Functions timer, UTC). Each occurrence is
/// claimed by inserting a JobState row first, so of two runners on one account only one runs it; the jobs themselves
/// catch up whatever an occurrence missed (watermarks, milestones), and the ledger keeps anything from going twice.
/// </summary>
public sealed class TimerJob(string name, string schedule, Func<CancellationToken, Task<string>> run, GazetteStorage storage, TimeProvider clock, RunnerLog log) : BackgroundService
{
    private readonly CronExpression _cron = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);

    public string Schedule { get; } = schedule;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (_cron.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is not { } next) return;
            try
            {
                await Task.Delay(next - now.UtcDateTime, stoppingToken);
                if (!await ClaimAsync(next)) continue; // another runner has this occurrence
                log.Line($"{name}: {await run(CancellationToken.None)}");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException || StorageUnreachableException.IsConnectionFailure(e))
            {
                log.Line($"{name}: storage error ({Problem(e)}); the next occurrence catches up");
            }
        }
    }

    private async Task<bool> ClaimAsync(DateTime occurrence)
    {
        try
        {
            await storage.Table(storage.Names.JobStateTable).AddEntityAsync(
                new TableEntity("timer-" + name, occurrence.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)) { ["ClaimedAt"] = clock.GetUtcNow() });
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static string Problem(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : "not reachable: " + e.GetType().Name;
}
