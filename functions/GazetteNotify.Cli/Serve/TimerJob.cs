using Azure;
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

    /// <summary>Who claims: a retried insert that finds its own row (the first attempt did land) still owns the occurrence.</summary>
    private readonly string _runner = Guid.NewGuid().ToString("N");

    public string Name { get; } = name;

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
                log.Line($"{Name}: {await run(CancellationToken.None)}");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException || StorageUnreachableException.IsConnectionFailure(e))
            {
                log.Line($"{Name}: storage error ({Problem(e)}); the next occurrence catches up");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A job that fails must not take the runner down: say so; the next occurrence catches up.
                log.Line($"{Name}: failed ({e.GetType().Name}: {e.Message}); the next occurrence catches up");
            }
        }
    }

    private async Task<bool> ClaimAsync(DateTime occurrence)
    {
        var table = storage.Table(storage.Names.JobStateTable);
        var key = occurrence.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await table.AddEntityAsync(new TimerClaimRow { PartitionKey = TimerClaimRow.PartitionPrefix + Name, RowKey = key, ClaimedAt = clock.GetUtcNow(), Runner = _runner });
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = await table.GetEntityAsync<TimerClaimRow>(TimerClaimRow.PartitionPrefix + Name, key);
            return row.Value.Runner == _runner;
        }
    }

    private static string Problem(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : "not reachable: " + e.GetType().Name;
}
