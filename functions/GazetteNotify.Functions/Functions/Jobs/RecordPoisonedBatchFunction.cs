using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>A batch that exhausted its attempts: recorded in PoisonedBatches for the admin (api/admin/poisoned-batches).</summary>
public sealed class RecordPoisonedBatchFunction(PoisonedBatches poisoned, ILogger<RecordPoisonedBatchFunction> logger)
{
    [Function("RecordPoisonedBatch")]
    public async Task Run([QueueTrigger(StorageNames.EmailBatchesPoisonQueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken)
    {
        var row = await poisoned.RecordAsync(message, id, dequeueCount, cancellationToken);
        logger.LogError("Poisoned email batch {Id} of run {Run}: {Error}", id, row.GetString("Run"), Redaction.Redact(row.GetString("Error")));
    }
}
