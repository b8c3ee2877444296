using GazetteNotify.Alerts;
using GazetteNotify.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Hourly (SEND_TOPIC_ALERTS_SCHEDULE): digests of newly ingested documents onto the email-batches queue.</summary>
public sealed partial class SendTopicAlertsFunction(SendTopicAlerts job, ILogger<SendTopicAlertsFunction> logger)
{
    [Function(BackgroundFunctions.SendTopicAlerts)]
    public async Task Run([TimerTrigger(Schedules.TopicAlertsTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        LogAlerts(run.RunKey, run.NewIssues, run.Digests, run.Batches);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SendTopicAlerts {Run}: {NewIssues} new issues, {Digests} digests, {Batches} batches queued")]
    private partial void LogAlerts(string? run, int newIssues, int digests, int batches);
}
