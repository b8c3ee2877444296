namespace GazetteNotify.Parsing.Tasks;

/// <summary>One row of a responsibility table. LineIndex is the index (in the list given to FindRows) of the row's first line.</summary>
/// <param name="Item">The 序号 cell (e.g. "30"), or null.</param>
/// <param name="Text">The task cell(s): 工作任务 and 具体内容 joined, or whichever exist; HTML remnants removed.</param>
/// <param name="Lead">The 牵头 units; the 责任 units when the table has no 牵头 column (or the row leaves it empty).</param>
/// <param name="Support">The 责任 units when a 牵头 column exists, and the 配合 units.</param>
/// <param name="TimeLimitText">The 完成时限 cell as written, or null.</param>
public sealed record ResponsibilityRow(int LineIndex, string? Item, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Support, string? TimeLimitText);
