namespace GazetteNotify.Parsing.Text;

/// <summary>The normalised lines of an upload and how it was read, or why it could not be read.</summary>
public sealed record DecodedText(string[]? Lines, string Encoding, string? Error, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Error is null;

    public static DecodedText Fail(string encoding, string error) => new(null, encoding, error, []);
}
