namespace GazetteNotify.Parsing.Body;

/// <summary>A paragraph rejoined from the lines PDF extraction broke it into.</summary>
internal sealed record Paragraph(string Text, ParagraphKind Kind, int Line);

internal enum ParagraphKind
{
    Text,
    /// <summary>A title or a numbered heading with no sentence of its own (一、总体要求).</summary>
    Heading,
    /// <summary>A tab-separated table row.</summary>
    TableRow,
    /// <summary>The signature organ or the date under it.</summary>
    Signature,
}
