using GazetteNotify.Hosting;
using GazetteNotify.Retention;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Daily at 03:30 China time (APPLY_RETENTION_SCHEDULE): erases expired personal data and old ledger rows.</summary>
public sealed partial class ApplyRetentionFunction(ApplyRetention job, ILogger<ApplyRetentionFunction> logger)
{
    [Function(BackgroundFunctions.ApplyRetention)]
    public async Task Run([TimerTrigger(Schedules.RetentionTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        LogRetention(run.AddressesErased, run.BatchPayloadsDeleted, run.LedgerRowsDeleted);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ApplyRetention: {Erased} addresses erased, {Payloads} batch payloads deleted, {LedgerRows} ledger rows deleted")]
    private partial void LogRetention(int erased, int payloads, int ledgerRows);
}
