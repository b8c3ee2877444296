using System.Text.Json;
using System.Text.Json.Serialization;

namespace GazetteNotify.Cli.Evaluation;

/// <summary>
/// A hand annotation of one corpus text (`NAME.gold.json` beside `NAME.txt`), made before the parser read it: where the
/// text came from, what kind of text it is, and each document with its units (lead or support) and time limits.
/// </summary>
public sealed record GoldFile(
    string Source,
    string? Province,
    string? City,
    string Category,
    string? Note,
    IReadOnlyList<GoldDocument> Documents)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    public static GoldFile Read(string json) =>
        JsonSerializer.Deserialize<GoldFile>(json, Options) ?? throw new InvalidDataException("empty gold file");
}

public sealed record GoldDocument(
    string Title,
    string? DocNumber,
    string? Issuer,
    string? SignedDate,
    IReadOnlyList<GoldUnit> Units,
    IReadOnlyList<GoldDeadline> Deadlines);

public sealed record GoldUnit(string Name, string Role);

public sealed record GoldDeadline(string Text, string? Date, [property: JsonPropertyName("kind")] string? Kind);
