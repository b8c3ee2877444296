namespace GazetteNotify.Queries;

/// <summary>A stored document named on another's page.</summary>
public sealed record ArchiveLink(string IssueKey, string DocKey, string? DocNumber, string Title);
