namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// When an item of a 、 list is not a unit of its own but part of the one before it: 各区、县（市）政府 (各区 has no
/// organ head yet: it shares 政府), 各县（市）区、开发区, 市直有关部门、单位, 市政府各部门、各直属机构 — each ONE unit.
/// </summary>
/// <remarks>
/// Judged by a small grammar of generic words, never by names: quantifiers (各 有关 相关 直属 所属), place levels
/// (市 县 区 乡镇 街道 镇街 园区 开发区 …) and organ heads (政府 管委会 办事处 部门 单位 机构 科室 …). An item built only of
/// such words names no organisation of its own. A proper name (伏羲山管委会, 市属开发区, 青岛高新区管委) never joins.
/// </remarks>
internal static class UnitGroup
{
    private static readonly string[] Quantifiers = ["各", "有关", "相关", "直属", "所属"];

    private static readonly string[] Levels = ["开发区", "镇街", "乡镇", "街道", "园区", "社区", "省", "市", "县", "区", "乡", "镇", "村", "旗", "州"];

    /// <summary>Heads that name a kind of organ rather than a governed place.</summary>
    private static readonly string[] CategoryHeads = ["直属机构", "部门", "单位", "机构", "科室", "处室", "企业"];

    private static readonly string[] PlaceHeads = ["人民政府", "办事处", "管委会", "党工委", "政府", "管委", "党委"];

    [Flags]
    private enum Parts
    {
        None = 0,
        Quantifier = 1,
        Level = 2,
        CategoryHead = 4,
        PlaceHead = 8,
    }

    /// <summary>
    /// True when <paramref name="item"/>, written after 、, belongs to <paramref name="group"/> (the items joined so far):
    /// a 各 group that has no organ head yet takes generic places until one brings the head (各县、市、区政府), and a
    /// 各/有关 group ending in a kind of organ (部门, 单位) takes items that are only such a kind (、单位 / 、各直属机构).
    /// </summary>
    public static bool JoinsPrevious(ReadOnlySpan<char> group, ReadOnlySpan<char> item)
    {
        var itemParts = Generic(item);
        if (itemParts == Parts.None) return false;

        var g = UnitShape.TrimDecoration(group);
        if (g.IsEmpty) return false;
        var distributive = g[0] == '各' || g.Contains('各') || g.Contains("有关", StringComparison.Ordinal) || g.Contains("相关", StringComparison.Ordinal);
        if (!distributive) return false;

        var groupParts = Generic(LastItem(g));
        // 各县（市）区 takes places (开发区, 区政府) but not another kind of organ: 各县市区、各部门 are two groups.
        var groupHeadless = g[0] == '各' && (groupParts & (Parts.CategoryHead | Parts.PlaceHead)) == 0 && (groupParts & Parts.Level) != 0;
        if (groupHeadless) return (itemParts & Parts.CategoryHead) == 0;

        var itemOnlyCategory = (itemParts & (Parts.Level | Parts.PlaceHead)) == 0 && (itemParts & Parts.CategoryHead) != 0;
        return itemOnlyCategory && EndsWithAny(UnitShape.TrimTrailingGroups(g), CategoryHeads);
    }

    /// <summary>The item after the last 、 at depth zero: a group may already hold several.</summary>
    private static ReadOnlySpan<char> LastItem(ReadOnlySpan<char> g)
    {
        var depth = 0;
        for (var i = g.Length - 1; i >= 0; i--)
        {
            if (UnitShape.IsClose(g[i])) depth++;
            else if (UnitShape.IsOpen(g[i])) { if (depth > 0) depth--; }
            else if (depth == 0 && g[i] == '、') return g[(i + 1)..];
        }

        return g;
    }

    /// <summary>The kinds of generic word <paramref name="s"/> is made of, or None when any part of it is a name.</summary>
    private static Parts Generic(ReadOnlySpan<char> s)
    {
        s = UnitShape.TrimDecoration(s);
        if (s.IsEmpty) return Parts.None;
        var parts = Parts.None;
        var depth = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (UnitShape.IsOpen(c)) { depth++; i++; continue; }
            if (UnitShape.IsClose(c)) { if (depth > 0) depth--; i++; continue; }
            if (depth > 0) { i++; continue; } // （市、区）, （园区）: qualifiers of the level before them

            var rest = s[i..];
            int n;
            if ((n = StartsWithAny(rest, Quantifiers)) > 0) parts |= Parts.Quantifier;
            else if ((n = StartsWithAny(rest, CategoryHeads)) > 0) parts |= Parts.CategoryHead;
            else if ((n = StartsWithAny(rest, PlaceHeads)) > 0) parts |= Parts.PlaceHead;
            else if ((n = StartsWithAny(rest, Levels)) > 0) parts |= Parts.Level;
            else return Parts.None;
            i += n;
        }

        return parts == Parts.Quantifier ? Parts.None : parts;
    }

    private static int StartsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.StartsWith(w)) return w.Length;
        }

        return 0;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.EndsWith(w)) return true;
        }

        return false;
    }
}
