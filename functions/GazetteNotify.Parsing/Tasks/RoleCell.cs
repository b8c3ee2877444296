namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// A table cell that names its units with role verbs instead of a column header: 市发改委牵头落实,
/// 市金融办、潍坊银监分局分别牵头落实, 办公室牵头，各科室、单位配合, 市财政局负责. Read with the clause grammar, as if it
/// were a parenthesised clause; a cell that is not wholly such a clause is not one.
/// </summary>
internal static class RoleCell
{
    /// <summary>A role cell names its roles with one of these; every other cell (task text) skips the clause grammar.</summary>
    private static readonly System.Buffers.SearchValues<string> RoleVerbs =
        System.Buffers.SearchValues.Create(["牵头", "配合", "负责", "协办", "协助", "参与", "落实", "主办", "协同"], StringComparison.Ordinal);

    /// <summary>Longer cells are task text: no role cell comes near this.</summary>
    private const int MaxLength = 120;

    public static ResponsibilityClause? Read(string cell)
    {
        var text = cell.AsSpan().Trim().TrimEnd("。；;");
        if (text.IsEmpty || text.Length > MaxLength || text.IndexOfAny(RoleVerbs) < 0) return null;
        var wrapped = string.Concat("（", text, "）");
        var clauses = ResponsibilityClauseFinder.FindAll(wrapped);
        return clauses.Count == 1 && clauses[0].Start == 0 && clauses[0].Length == wrapped.Length ? clauses[0] : null;
    }
}
