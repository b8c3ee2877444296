namespace GazetteNotify.Parsing.Model;

/// <summary>One item of the issue: a TOC entry, or a document found only in the body.</summary>
public sealed record GazetteDocument(
    string Section,
    string? DocNumber,
    string Title,
    string? Issuer,
    DateOnly? SignedDate,
    int? TocPage,
    string? Kind,
    string? AttachmentTitle,
    IReadOnlyList<string> Topics,
    string Summary,
    Validity? Effective,
    IReadOnlyList<string> Repeals,
    IReadOnlyList<ResponsibilityTask> Tasks,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<string> References)
{
    /// <summary>Every time-limit field of its tasks that sets no end (长期坚持, 全年), each once.</summary>
    public IReadOnlyList<OngoingLimit> Ongoing { get; init; } = [];

    /// <summary>The body's paragraphs in order (heading lines above the body — title, 发文字号 — not repeated).</summary>
    public IReadOnlyList<DocumentParagraph> Paragraphs { get; init; } = [];
}
