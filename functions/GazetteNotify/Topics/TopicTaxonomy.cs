using System.Text.Json;

namespace GazetteNotify.Topics;

/// <summary>The taxonomy shipped with the service (topics.json, embedded).</summary>
public sealed class TopicTaxonomy(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, string>? kinds = null)
{
    public IReadOnlyList<Topic> Topics { get; } = topics;

    /// <summary>Genres that settle the main topic: 大事记 → 综合政务, 任免 → 劳动、人事、监察.</summary>
    public IReadOnlyDictionary<string, string> Kinds { get; } = kinds ?? new Dictionary<string, string>();

    public static TopicTaxonomy Default { get; } = Load();

    public Topic? Find(string id) => Topics.FirstOrDefault(t => t.Id == id);

    private static TopicTaxonomy Load()
    {
        using var stream = typeof(TopicTaxonomy).Assembly.GetManifestResourceStream("GazetteNotify.Topics.topics.json")
                           ?? throw new InvalidOperationException("topics.json is not embedded");
        using var json = JsonDocument.Parse(stream);
        var topics = json.RootElement.GetProperty("topics").EnumerateArray().Select(t => new Topic(
            t.GetProperty("id").GetString()!,
            t.GetProperty("name").GetString()!,
            t.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList())).ToList();
        var kinds = json.RootElement.TryGetProperty("kinds", out var k)
            ? k.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
        return new TopicTaxonomy(topics, kinds);
    }
}
