namespace GazetteNotify.Parsing.Model;

/// <summary>
/// One paragraph of a document's body as the parser rejoined it (continuations stitched in), for a page that shows
/// the full text. Kind: "text", "heading" (a title or a numbered heading), "table" (a table row, cells separated by
/// tabs) or "signature" (the signing organ or the date under it).
/// </summary>
public sealed record DocumentParagraph(string Kind, string Text);
