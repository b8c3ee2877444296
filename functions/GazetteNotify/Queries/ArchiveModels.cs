using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Queries;

/// <summary>An ingested issue and its documents in order (01, 02…).</summary>
public sealed record ArchiveIssue(IssueRow Issue, IReadOnlyList<DocumentRow> Documents);

/// <summary>
/// One document for its page: the rows ingestion wrote, its parse (null when issue.json is gone), its tasks' rows in
/// order, and the stored documents linked to it.
/// </summary>
public sealed record ArchiveDocument(IssueRow Issue, DocumentRow Row, GazetteDocument? Parsed, IReadOnlyList<TaskRow> Tasks, ArchiveRelations Related);

/// <summary>A stored document named on another's page.</summary>
public sealed record ArchiveLink(string IssueKey, string DocKey, string? DocNumber, string Title);

/// <summary>
/// Stored documents linked by 发文字号: Cites by the number this one cites or repeals; CitedBy those citing it;
/// RepealedBy those repealing it (it is superseded).
/// </summary>
public sealed record ArchiveRelations(IReadOnlyDictionary<string, ArchiveLink> Cites, IReadOnlyList<ArchiveLink> CitedBy, IReadOnlyList<ArchiveLink> RepealedBy)
{
    public static ArchiveRelations None { get; } = new(new Dictionary<string, ArchiveLink>(), [], []);
}
