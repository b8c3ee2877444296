using GazetteNotify.Hosting;
using GazetteNotify.Retention;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Daily at 03:30 China time (APPLY_RETENTION_SCHEDULE): erases expired personal data and old ledger rows.</summary>
public sealed class ApplyRetentionFunction(ApplyRetention job, ILogger<ApplyRetentionFunction> logger)
{
    [Function("ApplyRetention")]
    public async Task Run([TimerTrigger(Schedules.RetentionTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        logger.LogInformation("ApplyRetention: {Erased} addresses erased, {Payloads} batch payloads deleted, {LedgerRows} ledger rows deleted",
            run.AddressesErased, run.BatchPayloadsDeleted, run.LedgerRowsDeleted);
    }
}
