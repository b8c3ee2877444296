namespace GazetteNotify.Alerts;

/// <summary>What one run of <see cref="SendTopicAlerts"/> did.</summary>
public sealed record AlertRun(string? RunKey, int NewIssues, int NewDocuments, int Digests, int Sent, int AlreadySent, int Failed, bool WatermarkAdvanced);
