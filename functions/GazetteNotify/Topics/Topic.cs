namespace GazetteNotify.Topics;

/// <summary>One subject of the taxonomy: a stable id (subscriptions store it), its Chinese name, and its keywords.</summary>
public sealed record Topic(string Id, string Name, IReadOnlyList<string> Keywords);
