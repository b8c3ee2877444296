using System.Runtime.Serialization;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A row of the Documents table: partition = issue key, row = the document's ordinal in the issue (01, 02…). Enough
/// of the document to match subscriptions and to name it; issue.json keeps the whole parse.
/// </summary>
[StoredIn("Documents")]
public sealed class DocumentRow : TableRow
{
    /// <summary>发文字号 (聊政办字〔2022〕22号).</summary>
    public string? DocNumber { get; set; }

    public string? Title { get; set; }

    public string? Issuer { get; set; }

    [IgnoreDataMember]
    public DateOnly? SignedDate { get => StoredDate.Parse(SignedDateText); set => SignedDateText = StoredDate.Of(value); }

    [DataMember(Name = "SignedDate")]
    public string? SignedDateText { get; set; }

    /// <summary>The gazette section the document stands in.</summary>
    public string? Section { get; set; }

    /// <summary>Its page in the issue's table of contents.</summary>
    public int? TocPage { get; set; }

    /// <summary>The parser's document kind (通知, 意见…).</summary>
    public string? Kind { get; set; }

    public string? AttachmentTitle { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Topics { get => JsonColumn.Read(TopicsJson); set => TopicsJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Topics")]
    public string? TopicsJson { get; set; }

    public string? Summary { get; set; }

    [IgnoreDataMember]
    public DateOnly? EffectiveFrom { get => StoredDate.Parse(EffectiveFromText); set => EffectiveFromText = StoredDate.Of(value); }

    [DataMember(Name = "EffectiveFrom")]
    public string? EffectiveFromText { get; set; }

    [IgnoreDataMember]
    public DateOnly? EffectiveUntil { get => StoredDate.Parse(EffectiveUntilText); set => EffectiveUntilText = StoredDate.Of(value); }

    [DataMember(Name = "EffectiveUntil")]
    public string? EffectiveUntilText { get; set; }

    /// <summary>Doc numbers the document repeals.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Repeals { get => JsonColumn.Read(RepealsJson); set => RepealsJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Repeals")]
    public string? RepealsJson { get; set; }

    /// <summary>Doc numbers the document cites.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> References { get => JsonColumn.Read(ReferencesJson); set => ReferencesJson = IssueRows.ListJson(value); }

    [DataMember(Name = "References")]
    public string? ReferencesJson { get; set; }

    public int TaskCount { get; set; }

    public int DeadlineCount { get; set; }

    /// <summary>The document as the row keeps it: enough to match subscriptions and to name it (no tasks, no validity).</summary>
    public GazetteDocument ToDocument() => new(
        Section: Section ?? "",
        DocNumber: DocNumber,
        Title: Title ?? "",
        Issuer: Issuer,
        SignedDate: SignedDate,
        TocPage: TocPage,
        Kind: Kind,
        AttachmentTitle: AttachmentTitle,
        Topics: Topics,
        Summary: Summary ?? "",
        Effective: null,
        Repeals: Repeals,
        Tasks: [],
        Deadlines: [],
        References: References);
}
