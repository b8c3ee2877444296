using GazetteNotify.Hosting;
using GazetteNotify.Reminders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GazetteNotify.Functions.Jobs;

/// <summary>Daily at 08:00 China time (SEND_DEADLINE_REMINDERS_SCHEDULE): each department's reminder onto the email-batches queue.</summary>
public sealed partial class SendDeadlineRemindersFunction(SendDeadlineReminders job, ILogger<SendDeadlineRemindersFunction> logger)
{
    [Function(BackgroundFunctions.SendDeadlineReminders)]
    public async Task Run([TimerTrigger(Schedules.DeadlineRemindersTimer)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(dryRun: false, cancellationToken);
        LogReminders(run.Day, run.Plan.Reminders.Count, run.Batches, run.WithoutAddress.Count, run.Plan.Unreached.Count);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SendDeadlineReminders {Day}: {Departments} departments, {Batches} batches queued, {WithoutAddress} without an address, {Unreached} units unreached")]
    private partial void LogReminders(DateOnly day, int departments, int batches, int withoutAddress, int unreached);
}
