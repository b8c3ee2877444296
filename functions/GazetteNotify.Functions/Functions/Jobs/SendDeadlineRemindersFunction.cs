using GazetteNotify.Hosting;
using GazetteNotify.Reminders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Daily at 08:00 China time (SEND_DEADLINE_REMINDERS_SCHEDULE): each department's reminder onto the email-batches queue.</summary>
public sealed class SendDeadlineRemindersFunction(SendDeadlineReminders job, ILogger<SendDeadlineRemindersFunction> logger)
{
    [Function("SendDeadlineReminders")]
    public async Task Run([TimerTrigger(Schedules.DeadlineRemindersTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(dryRun: false, cancellationToken);
        logger.LogInformation("SendDeadlineReminders {Day}: {Departments} departments, {Batches} batches queued, {WithoutAddress} without an address, {Unreached} units unreached",
            run.Day, run.Plan.Reminders.Count, run.Batches, run.WithoutAddress.Count, run.Plan.Unreached.Count);
    }
}
