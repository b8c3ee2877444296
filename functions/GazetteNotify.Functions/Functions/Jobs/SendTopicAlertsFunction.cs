using GazetteNotify.Alerts;
using GazetteNotify.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Hourly (SEND_TOPIC_ALERTS_SCHEDULE): digests of newly ingested documents onto the email-batches queue.</summary>
public sealed class SendTopicAlertsFunction(SendTopicAlerts job, ILogger<SendTopicAlertsFunction> logger)
{
    [Function("SendTopicAlerts")]
    public async Task Run([TimerTrigger(Schedules.TopicAlertsTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        logger.LogInformation("SendTopicAlerts {Run}: {NewIssues} new issues, {Digests} digests, {Batches} batches queued", run.RunKey, run.NewIssues, run.Digests, run.Batches);
    }
}
