namespace GazetteNotify.Alerts;

/// <summary>What one run of <see cref="SendTopicAlerts"/> did.</summary>
public sealed record AlertRun(string? RunKey, int NewIssues, int NewDocuments, int Digests, int Sent, int AlreadySent, int Failed, bool WatermarkAdvanced)
{
    /// <summary>Batches put on the email-batches queue (fan-out mode); their mails are sent by SendEmailBatch.</summary>
    public int Batches { get; init; }
}
