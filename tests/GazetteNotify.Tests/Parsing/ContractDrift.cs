using System.Text.Json.Nodes;

namespace GazetteNotify.Tests.Parsing;

/// <summary>
/// What the repo's copy of the contract drops or changes from the shared one. Additions are allowed (a new property an
/// issue asked for); anything the shared contract says must still be said the same way — every object key kept, every
/// value and every list (types, enums, required) unchanged — so a tool reading the shared contract still reads our output.
/// </summary>
internal static class ContractDrift
{
    public static List<string> Removals(JsonNode shared, JsonNode ours)
    {
        var found = new List<string>();
        Compare(shared, ours, "$", found);
        return found;
    }

    private static void Compare(JsonNode? shared, JsonNode? ours, string path, List<string> found)
    {
        if (shared is JsonObject sharedObject && ours is JsonObject ourObject)
        {
            foreach (var (key, value) in sharedObject)
            {
                if (!ourObject.TryGetPropertyValue(key, out var ourValue)) found.Add($"{path}.{key}: missing");
                else Compare(value, ourValue, $"{path}.{key}", found);
            }

            return;
        }

        if (!JsonNode.DeepEquals(shared, ours)) found.Add($"{path}: changed");
    }
}
