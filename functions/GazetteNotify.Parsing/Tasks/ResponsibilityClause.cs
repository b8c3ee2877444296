namespace GazetteNotify.Parsing.Tasks;

/// <summary>A responsibility clause found in a paragraph. Start/Length locate the whole clause (with its parentheses) in the paragraph.</summary>
/// <param name="Lead">Units that lead; all units when the clause states no lead/support split.</param>
/// <param name="Support">Units that support (配合), and units that only 负责落实 when another unit leads.</param>
/// <param name="TimeLimitText">The time limit as written (完成时限：8 月底 → "8 月底"), or null.</param>
/// <param name="Start">Index of the clause in the paragraph: its opening parenthesis, or its label.</param>
/// <param name="Length">Length of the clause, closing parenthesis included.</param>
public sealed record ResponsibilityClause(IReadOnlyList<string> Lead, IReadOnlyList<string> Support, string? TimeLimitText, int Start, int Length);
