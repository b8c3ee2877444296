namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Group names written with 、 inside them, which name one addressee rather than a list of units:
/// 各县、市、区政府 and 各区、县（市）政府 (各 over a list of administrative levels sharing one 政府), and
/// 各乡镇人民政府、街道办事处 / 市政府各部门、各直属机构 / 市直有关部门、单位 / 各县(市)区、开发区 (a collective followed by a
/// generic kind of body with no name of its own, which shares its 各 / 有关). A named unit after 、 (市属开发区管委会,
/// 谯城经开区管委会, 开发区管委会) is a unit of its own.
/// </summary>
internal static class UnitGroups
{
    private const int MaxGroupLength = 30;

    /// <summary>
    /// True when the text after 、 (<paramref name="rest"/>, up to the next separator) continues the group begun by
    /// <paramref name="left"/> instead of starting a new unit.
    /// </summary>
    public static bool Continues(ReadOnlySpan<char> left, ReadOnlySpan<char> rest)
    {
        left = UnitShape.TrimDecoration(left);
        // No group name is longer; the bound also keeps a hostile run of 、 from being rescanned at every separator.
        if (left.Length > MaxGroupLength) return false;
        if (left.Length < 2 || rest.IsEmpty || UnitShape.IsDecoration(rest[0])) return false; // 、 followed by a space: a new line of the cell
        var right = NextPiece(rest);
        if (right.IsEmpty) return false;
        return ContinuesLevels(left, right) || IsGenericKind(left, right);
    }

    /// <summary>各县 / 各县、市 + 市 / 区政府 / 县（市）政府: 各 over administrative levels, then the shared 政府.</summary>
    private static bool ContinuesLevels(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left[0] != '各' || !OnlyLevels(left[1..], allowSeparator: true)) return false;
        var n = 0;
        while (n < right.Length && (IsLevel(right[n]) || UnitShape.IsOpen(right[n]) || UnitShape.IsClose(right[n]))) n++;
        if (n == 0 || !OnlyLevels(right[..n], allowSeparator: false)) return false;
        var head = right[n..];
        return head.IsEmpty || head is "政府" or "人民政府" or "党委" or "党委和政府" or "党委政府" or "党委、政府";
    }

    private static bool OnlyLevels(ReadOnlySpan<char> s, bool allowSeparator)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
        {
            if (!IsLevel(c) && !UnitShape.IsOpen(c) && !UnitShape.IsClose(c) && !(allowSeparator && c == '、')) return false;
        }

        return true;
    }

    private static bool IsLevel(char c) => c is '省' or '市' or '县' or '区' or '乡' or '镇';

    /// <summary>A collective (各… / …各部门 / …有关部门) followed by a kind of body without a name of its own.</summary>
    private static bool IsGenericKind(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var collective = left[0] == '各' || left.Contains('各') || left.Contains("有关", StringComparison.Ordinal)
            || left.Contains("相关", StringComparison.Ordinal);
        if (!collective) return false;
        if (right[0] == '各') right = right[1..];
        else if (right.StartsWith("有关") || right.StartsWith("相关")) right = right[2..];
        return right is "街道办事处" or "街道办" or "街道" or "乡镇" or "单位" or "部门" or "机构" or "直属机构" or "直属单位"
            or "科室" or "处室" or "开发区" or "园区" or "功能区" or "社区";
    }

    /// <summary>The text up to the next separator, without a trailing 等.</summary>
    private static ReadOnlySpan<char> NextPiece(ReadOnlySpan<char> rest)
    {
        var depth = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (UnitShape.IsOpen(c)) depth++;
            else if (UnitShape.IsClose(c)) { if (depth > 0) depth--; }
            else if (depth == 0 && c is '、' or '，' or ',' or '；' or ';' or '\t' or '\n' or ' ' or '\u3000' or '。')
            {
                rest = rest[..i];
                break;
            }
        }

        return UnitSplitter.StripEtc(UnitShape.TrimDecoration(rest));
    }
}
