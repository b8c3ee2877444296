using GazetteNotify.Parsing;

namespace GazetteNotify.Formats;

/// <summary>An upload parsed, with the reader its bytes called for.</summary>
public sealed record ParsedUpload(UploadFormat Format, ParseResult Result);

/// <summary>
/// Any upload → its parse: the reader its bytes call for (<see cref="UploadReader"/>), then the same parser for every
/// format. A text upload is parsed from its bytes, so the encoding it was in is still recorded; the other readers'
/// warnings come first in the issue's warnings, so the admin sees what the reader skipped before what the parser doubted.
/// </summary>
public static class UploadParser
{
    public static ParsedUpload Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (UploadReader.Detect(bytes) == UploadFormat.Text) return new(UploadFormat.Text, GazetteParser.Parse(bytes));

        var read = UploadReader.Read(bytes);
        var label = Label(read.Format);
        if (read.Rejection is { } reason) return new(read.Format, new ParseResult(null, reason, label, []));

        var parsed = GazetteParser.ParseText(read.Text!);
        if (parsed.Issue is not { } issue) return new(read.Format, parsed with { Encoding = label });
        return new(read.Format, parsed with { Encoding = label, Issue = issue with { Warnings = [.. read.Warnings, .. issue.Warnings] } });
    }

    /// <summary>What the issue's row records as the upload's encoding: the reader, for files that are not text.</summary>
    public static string Label(UploadFormat format) => format switch
    {
        UploadFormat.Pdf => "PDF",
        UploadFormat.Word => "Word (.docx)",
        UploadFormat.Html => "HTML",
        _ => "text",
    };
}
