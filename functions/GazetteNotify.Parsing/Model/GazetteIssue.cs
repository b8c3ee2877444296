namespace GazetteNotify.Parsing.Model;

/// <summary>One uploaded issue, read into documents, tasks and deadlines (contracts/gazette-issue.schema.json).</summary>
public sealed record GazetteIssue(
    GazetteMasthead Gazette,
    IReadOnlyList<GazetteDocument> Documents,
    IReadOnlyList<string> Warnings);

/// <summary>Title, year and numbering printed on the cover.</summary>
public sealed record GazetteMasthead(
    string Title,
    int Year,
    IReadOnlyList<int> IssueNumbers,
    IReadOnlyList<int> CumulativeNumbers);
