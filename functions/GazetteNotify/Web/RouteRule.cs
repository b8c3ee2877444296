namespace GazetteNotify.Web;

/// <summary>
/// What a route may cost before its handler runs: its allowance group, the largest body it reads, the purpose of the
/// signed link that guards it (checked before the body is read), and whether its answer is personal (never cached).
/// </summary>
public sealed record RouteRule(RouteGroup Group, int BodyBudget, string? TokenPurpose, bool Personal);
