using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>Serialises a <see cref="GazetteIssue"/> exactly as the contract says: camelCase, nulls written, ISO dates, UTF-8 CJK unescaped.</summary>
public static class GazetteJson
{
    private static readonly JsonSerializerOptions Options = new(GazetteJsonContext.Default.Options)
    {
        // Chinese must stay readable in the output; this only relaxes escaping of non-ASCII text, HTML-sensitive
        // characters are still escaped by the serializer's defaults for < > & when embedded.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly GazetteJsonContext Context = new(Options);

    public static string Serialize(GazetteIssue issue) => JsonSerializer.Serialize(issue, Context.GazetteIssue);

    public static byte[] SerializeToUtf8(GazetteIssue issue) => JsonSerializer.SerializeToUtf8Bytes(issue, Context.GazetteIssue);

    public static GazetteIssue? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.GazetteIssue);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(GazetteIssue))]
internal sealed partial class GazetteJsonContext : JsonSerializerContext;
