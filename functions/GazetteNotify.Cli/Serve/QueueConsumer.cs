using Azure;
using Azure.Storage.Queues.Models;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Extensions.Hosting;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// The local stand-in for the queue trigger, with host.json's numbers: up to 4 messages at a time, invisible for a
/// minute while handled, deleted when every delivery is recorded; failed ones reappear after the visibility timeout,
/// and after 5 attempts move to email-batches-poison and are recorded for the admin. On shutdown the message in hand
/// is finished and those not yet started are released at once.
/// </summary>
public sealed class QueueConsumer(GazetteStorage storage, SendEmailBatch job, PoisonedBatches poisoned, RunnerLog log, TimeSpan pollInterval, TimeSpan? visibilityTimeout = null) : BackgroundService
{
    public const int BatchSize = 4;
    public const int MaxDequeueCount = 5;
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromMinutes(1);

    private TimeSpan VisibilityTimeout => visibilityTimeout ?? DefaultVisibilityTimeout;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = storage.Queue(storage.Names.EmailBatches);
        var poison = storage.Queue(storage.Names.EmailBatchesPoison);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(BatchSize, VisibilityTimeout, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException || StorageUnreachableException.IsConnectionFailure(e))
            {
                log.Line($"queue: storage error ({Problem(e)}); trying again");
                messages = []; // and wait below, never spin
            }

            for (var i = 0; i < messages.Length; i++)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    foreach (var later in messages[i..]) await Release(queue, later);
                    return;
                }

                await HandleAsync(queue, poison, messages[i]);
            }

            if (messages.Length == 0)
            {
                try
                {
                    await Task.Delay(pollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(Azure.Storage.Queues.QueueClient queue, Azure.Storage.Queues.QueueClient poison, QueueMessage message)
    {
        var text = message.MessageText;
        try
        {
            if (message.DequeueCount > MaxDequeueCount)
            {
                await poison.SendMessageAsync(text);
                var row = await poisoned.RecordAsync(text, message.MessageId, message.DequeueCount);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                log.Line($"batch {row.GetString("Run")}: poisoned after {message.DequeueCount - 1} attempts — {row.GetString("Error")}");
                return;
            }

            var result = await job.RunAsync(text, CancellationToken.None); // a batch in hand is finished, even on shutdown
            if (result.Complete)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                log.Line($"batch: {result.Sent} sent, {result.AlreadySent} already sent");
            }
            else
            {
                log.Line($"batch: {result.Sent} sent, {result.Failed} failed, {result.InFlight} with another worker — retried after {VisibilityTimeout.TotalSeconds:0} s (attempt {message.DequeueCount} of {MaxDequeueCount})");
            }
        }
        catch (Exception e) when (e is RequestFailedException or InvalidDataException or System.Text.Json.JsonException || StorageUnreachableException.IsConnectionFailure(e))
        {
            log.Line($"batch: {e.GetType().Name}: {e.Message} — retried after the visibility timeout (attempt {message.DequeueCount} of {MaxDequeueCount})");
        }
    }

    private static async Task Release(Azure.Storage.Queues.QueueClient queue, QueueMessage message)
    {
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
        catch (RequestFailedException)
        {
            // Already visible again or gone: nothing to release.
        }
    }

    private static string Problem(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : "not reachable: " + e.GetType().Name;
}
