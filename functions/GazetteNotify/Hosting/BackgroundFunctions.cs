namespace GazetteNotify.Hosting;

/// <summary>
/// The functions that are not HTTP routes (those are <see cref="Web.HttpEndpoints.All"/>), by the name the Functions app
/// gives them. `gazette serve` runs the same set: a blob watcher for <see cref="IngestIssue"/>, a queue consumer for
/// <see cref="SendEmailBatch"/> and <see cref="RecordPoisonedBatch"/>, and one timer per entry of <see cref="Timers"/>.
/// A test reads the Functions app's generated metadata and the local runner's hosted jobs against this list.
/// </summary>
public static class BackgroundFunctions
{
    public const string IngestIssue = "IngestIssue";
    public const string SendEmailBatch = "SendEmailBatch";
    public const string RecordPoisonedBatch = "RecordPoisonedBatch";
    public const string SendTopicAlerts = "SendTopicAlerts";
    public const string SendDeadlineReminders = "SendDeadlineReminders";
    public const string ApplyRetention = "ApplyRetention";

    /// <summary>
    /// The timer functions: schedule setting and default. <see cref="TimerFunction.ShortName"/> keys `gazette serve`'s
    /// per-occurrence claims (JobState partition timer-{short name}) and its log lines.
    /// </summary>
    public static IReadOnlyList<TimerFunction> Timers { get; } =
    [
        new(SendTopicAlerts, "alerts", Schedules.TopicAlertsSetting, Schedules.TopicAlertsDefault),
        new(SendDeadlineReminders, "reminders", Schedules.DeadlineRemindersSetting, Schedules.DeadlineRemindersDefault),
        new(ApplyRetention, "retention", Schedules.RetentionSetting, Schedules.RetentionDefault),
    ];

    public static IReadOnlyList<string> All { get; } = [IngestIssue, SendEmailBatch, RecordPoisonedBatch, .. Timers.Select(t => t.Name)];
}

/// <summary>A timer function: its name, the app setting holding its NCRONTAB schedule, and the schedule when unset.</summary>
public sealed record TimerFunction(string Name, string ShortName, string ScheduleSetting, string DefaultSchedule);
