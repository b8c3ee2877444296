using Azure;
using Azure.Storage.Queues.Models;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using Microsoft.Extensions.Hosting;

namespace GazetteNotify.Cli.Serve;

/// <summary>
/// The local stand-in for the queue trigger, with host.json's numbers: up to 4 messages at a time (handled together),
/// invisible for a minute while handled, deleted when every delivery is recorded; failed ones reappear after the
/// visibility timeout, and after 5 attempts move to email-batches-poison and are recorded for the admin. One that only
/// waits for deliveries another worker holds is deferred (a fresh copy after the visibility timeout), as the Functions
/// app does. On shutdown the messages in hand are finished.
/// </summary>
public sealed class QueueConsumer(GazetteStorage storage, SendEmailBatch job, PoisonedBatches poisoned, RunnerLog log, TimeSpan pollInterval,
    TimeSpan? visibilityTimeout = null, int maxDequeueCount = QueueConsumer.DefaultMaxDequeueCount) : BackgroundService
{
    public const int BatchSize = 4;
    public const int DefaultMaxDequeueCount = 5;
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The app setting that overrides host.json's queues.visibilityTimeout in Azure overrides it here too.</summary>
    public const string VisibilityTimeoutSetting = "AzureFunctionsJobHost:extensions:queues:visibilityTimeout";

    /// <summary>host.json's visibility timeout, or the setting's (hh:mm:ss), as the Functions host reads it.</summary>
    public static TimeSpan VisibilityTimeoutFrom(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (configuration[VisibilityTimeoutSetting] is not { Length: > 0 } text) return DefaultVisibilityTimeout;
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(7)
            ? value
            : throw new FormatException($"AzureFunctionsJobHost__extensions__queues__visibilityTimeout must be a time span from 00:00:01 to 7 days, such as 00:01:00 (got '{text}')");
    }

    /// <summary>The app setting that overrides host.json's queues.maxDequeueCount in Azure overrides it here too.</summary>
    public const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    /// <summary>host.json's attempts before the poison queue, or the setting's.</summary>
    public static int MaxDequeueCountFrom(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (configuration[MaxDequeueCountSetting] is not { Length: > 0 } text) return DefaultMaxDequeueCount;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1000
            ? value
            : throw new FormatException($"AzureFunctionsJobHost__extensions__queues__maxDequeueCount must be a whole number from 1 to 1000 (got '{text}')");
    }

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

            if (messages.Length > 0)
            {
                // Every message received is started at once, as the Functions host runs a batch: one held back while
                // others run would have an attempt counted against it (its dequeue count) by a crash, never tried.
                await Task.WhenAll(messages.Select(m => HandleAsync(queue, poison, m)));
                continue;
            }

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

    private async Task HandleAsync(Azure.Storage.Queues.QueueClient queue, Azure.Storage.Queues.QueueClient poison, QueueMessage message)
    {
        var text = message.MessageText;
        try
        {
            if (message.DequeueCount > maxDequeueCount)
            {
                await poison.SendMessageAsync(text);
                var row = await poisoned.RecordAsync(text, message.MessageId, message.DequeueCount);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                log.Line($"batch {row.Run}: poisoned after {message.DequeueCount - 1} attempts — {row.Error}");
                return;
            }

            var result = await job.RunOrDeferAsync(text, VisibilityTimeout, CancellationToken.None); // a batch in hand is finished, even on shutdown
            if (result.Complete)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                log.Line($"batch: {result.Sent} sent, {result.AlreadySent} already sent" + (message.DequeueCount > 1 ? $" (attempt {message.DequeueCount})" : ""));
            }
            else if (result.Deferred)
            {
                // Not an attempt that failed: a fresh copy is looked at later, so a dead worker's lease never poisons it.
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                log.Line($"batch: {result.Sent} sent, {result.InFlight} with another worker — deferred {VisibilityTimeout.TotalSeconds:0} s");
            }
            else
            {
                log.Line($"batch: {result.Sent} sent, {result.Failed} failed, {result.InFlight} with another worker — retried after {VisibilityTimeout.TotalSeconds:0} s (attempt {message.DequeueCount} of {maxDequeueCount})");
            }
        }
        catch (Exception e) when (e is RequestFailedException or InvalidDataException or System.Text.Json.JsonException || StorageUnreachableException.IsConnectionFailure(e))
        {
            log.Line($"batch: {e.GetType().Name}: {e.Message} — retried after the visibility timeout (attempt {message.DequeueCount} of {maxDequeueCount})");
        }
    }

    private static string Problem(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : "not reachable: " + e.GetType().Name;
}
