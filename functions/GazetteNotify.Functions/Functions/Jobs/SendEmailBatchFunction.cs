using GazetteNotify.Hosting;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>
/// One email-batches message → its mails, through the Deliveries ledger. A failure throws, so the host makes the
/// message visible again (visibilityTimeout) and, after maxDequeueCount, moves it to email-batches-poison. A batch that
/// only waits for deliveries another (or a crashed) worker holds is deferred instead, a fresh copy a minute later, so
/// waiting out a dead worker's lease does not use up the attempts.
/// </summary>
public sealed partial class SendEmailBatchFunction(SendEmailBatch job, ILogger<SendEmailBatchFunction> logger)
{
    [Function(BackgroundFunctions.SendEmailBatch)]
    public async Task Run([QueueTrigger(StorageNames.EmailBatchesQueueName)] string message, CancellationToken cancellationToken)
    {
        var result = await job.RunOrDeferAsync(message, SendEmailBatch.InFlightRecheck, cancellationToken);
        LogBatch(result.Sent, result.AlreadySent, result.Failed, result.Uncertain, result.InFlight, result.Deferred);
        if (!result.Complete && !result.Deferred) throw new InvalidOperationException($"{result.Failed} failed, {result.InFlight} with another worker; the message will be retried");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SendEmailBatch: {Sent} sent, {AlreadySent} already sent, {Failed} failed, {Uncertain} uncertain, {InFlight} with another worker, deferred: {Deferred}")]
    private partial void LogBatch(int sent, int alreadySent, int failed, int uncertain, int inFlight, bool deferred);
}
