namespace GazetteNotify.Formats;

/// <summary>
/// What a reader made of an upload: the text the parser reads (lines separated by \n, a table row as one line of cells
/// separated by tabs, as the parser's table reader expects), or the one-line reason it could not, plus what it was unsure of.
/// </summary>
/// <param name="Format">The reader that read it.</param>
/// <param name="Text">The text for the parser; null when refused.</param>
/// <param name="Rejection">One line, for the admin, saying why nothing could be read; null when read.</param>
/// <param name="Warnings">What was skipped or doubtful (a page that failed, a macro dropped), in plain words.</param>
public sealed record UploadText(UploadFormat Format, string? Text, string? Rejection, IReadOnlyList<string> Warnings)
{
    public static UploadText Read(UploadFormat format, string text, IReadOnlyList<string> warnings) => new(format, text, null, warnings);

    public static UploadText Refuse(UploadFormat format, string reason, IReadOnlyList<string>? warnings = null) => new(format, null, reason, warnings ?? []);
}
