namespace GazetteNotify.Subscriptions;

/// <summary>What a subscribe request led to, and — when a confirmation is to go — the id its confirm link must name.</summary>
public sealed record SubscribeRequest(SubscribeOutcome Outcome, string? RequestId = null);
