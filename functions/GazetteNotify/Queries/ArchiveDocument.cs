using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Queries;

/// <summary>
/// One document for its page: the rows ingestion wrote, its parse (null when issue.json is gone), its tasks' rows in
/// order, and the stored documents linked to it.
/// </summary>
public sealed record ArchiveDocument(IssueRow Issue, DocumentRow Row, GazetteDocument? Parsed, IReadOnlyList<TaskRow> Tasks, ArchiveRelations Related);
