namespace GazetteNotify.Hosting;

/// <summary>
/// The timer jobs' schedules: app settings holding 6-field NCRONTAB expressions (seconds first), in UTC. Both hosts
/// read the same settings; the Functions attributes name them as %SETTING%.
/// </summary>
public static class Schedules
{
    public const string TopicAlertsSetting = "SEND_TOPIC_ALERTS_SCHEDULE";
    public const string DeadlineRemindersSetting = "SEND_DEADLINE_REMINDERS_SCHEDULE";
    public const string RetentionSetting = "APPLY_RETENTION_SCHEDULE";

    /// <summary>As a TimerTrigger attribute writes them.</summary>
    public const string TopicAlertsTimer = "%" + TopicAlertsSetting + "%";
    public const string DeadlineRemindersTimer = "%" + DeadlineRemindersSetting + "%";
    public const string RetentionTimer = "%" + RetentionSetting + "%";

    /// <summary>Hourly, on the hour: a new issue reaches each-issue subscribers within the hour.</summary>
    public const string TopicAlertsDefault = "0 0 * * * *";

    /// <summary>00:00 UTC = 08:00 China time (Asia/Shanghai has no daylight saving).</summary>
    public const string DeadlineRemindersDefault = "0 0 0 * * *";

    /// <summary>19:30 UTC = 03:30 China time: the quiet hours, away from the reminders at 08:00.</summary>
    public const string RetentionDefault = "0 30 19 * * *";
}
