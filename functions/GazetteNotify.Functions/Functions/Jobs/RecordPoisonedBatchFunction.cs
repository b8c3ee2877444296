using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>A batch that exhausted its attempts: recorded in PoisonedBatches for the admin (api/admin/poisoned-batches).</summary>
public sealed partial class RecordPoisonedBatchFunction(PoisonedBatches poisoned, ILogger<RecordPoisonedBatchFunction> logger)
{
    [Function(BackgroundFunctions.RecordPoisonedBatch)]
    public async Task Run([QueueTrigger(StorageNames.EmailBatchesPoisonQueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken)
    {
        var row = await poisoned.RecordAsync(message, id, dequeueCount, cancellationToken);
        LogPoisoned(id, row.Run, Redaction.Redact(row.Error));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poisoned email batch {Id} of run {Run}: {Error}")]
    private partial void LogPoisoned(string id, string? run, string? error);
}
