using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing;

/// <summary>A parsed issue, or the one-line reason the upload is not one.</summary>
/// <param name="DocumentTexts">Each document's normalised text (paragraphs rejoined, continuations stitched), in document order.</param>
public sealed record ParseResult(GazetteIssue? Issue, string? Rejection, string Encoding, IReadOnlyList<string> DocumentTexts)
{
    public bool IsRejected => Rejection is not null;
}
