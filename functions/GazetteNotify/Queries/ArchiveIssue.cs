namespace GazetteNotify.Queries;

/// <summary>An ingested issue and its documents in order (01, 02…).</summary>
public sealed record ArchiveIssue(Documents.IssueRow Issue, IReadOnlyList<Documents.DocumentRow> Documents);
