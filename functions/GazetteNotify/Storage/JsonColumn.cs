using System.Text.Encodings.Web;
using System.Text.Json;

namespace GazetteNotify.Storage;

/// <summary>
/// A list kept in one table property as JSON (topics, units, keywords): Chinese written as itself, not as \u escapes,
/// so a row stays readable in Storage Explorer and a 32K-character property holds six times more.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, Json);

    public static List<string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];
}
