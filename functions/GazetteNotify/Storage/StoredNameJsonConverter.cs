using System.Text.Json;
using System.Text.Json.Serialization;

namespace GazetteNotify.Storage;

/// <summary>A status in JSON as the tables store it (<see cref="StoredName"/>): the admin's JSON answers say "ingested", as the rows do.</summary>
public sealed class StoredNameJsonConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StoredName.Parse<TEnum>(reader.GetString()) ?? throw new JsonException($"not a {typeof(TEnum).Name}: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(StoredName.Of(value));
}
