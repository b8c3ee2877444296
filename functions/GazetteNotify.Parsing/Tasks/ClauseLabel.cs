namespace GazetteNotify.Parsing.Tasks;

/// <summary>What a label (the words before ：) or a role verb says about the units that follow or precede it.</summary>
internal enum ClauseRole
{
    None,
    /// <summary>牵头单位, 牵头部门, 主责单位, …牵头.</summary>
    Lead,
    /// <summary>责任单位, 责任部门, 责任主体, …负责 / 落实: lead when nobody else leads, support otherwise.</summary>
    Responsible,
    /// <summary>配合单位, 配合部门, 协办单位, …配合.</summary>
    Support,
    /// <summary>责任分工 / 任务分工: the roles are stated by verbs in the value.</summary>
    Division,
    /// <summary>责任领导, 牵头领导, 责任人: people, not units — ignored.</summary>
    Leader,
    /// <summary>完成时限, 完成时间, 时间节点, 时限.</summary>
    Time,
    /// <summary>
    /// A unit label naming no role (数据提供单位, 联系单位): responsible within a clause another label opened, but it
    /// never opens one — 发布单位：… in page furniture is no clause.
    /// </summary>
    Other,
}

/// <summary>Reads labels such as 牵头单位： / 责任部门: / **责任单位**： / 【责任分工】 and classifies them.</summary>
internal static class ClauseLabel
{
    private const int MaxLabel = 10;

    /// <summary>
    /// True when <paramref name="s"/> holds a recognised label at <paramref name="pos"/> (after spaces and <c>**</c>);
    /// <paramref name="valueStart"/> is the index right after its colon (or closing bracket).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, int pos, out ClauseRole kind, out int valueStart)
    {
        kind = ClauseRole.None;
        valueStart = -1;
        var i = pos;
        while (i < s.Length && UnitShape.IsDecoration(s[i])) i++;
        if (i >= s.Length) return false;

        var bracketed = s[i] is '【' or '[' or '［' or '〔';
        if (bracketed) i++;

        Span<char> label = stackalloc char[MaxLabel];
        var n = 0;
        var j = i;
        for (; j < s.Length; j++)
        {
            var c = s[j];
            if (UnitShape.IsDecoration(c)) continue;
            if (c is '：' or ':' || (bracketed && c is '】' or ']' or '］' or '〕')) break;
            if (!IsCjk(c) || n == MaxLabel) return false;
            label[n++] = c;
        }

        if (j >= s.Length || n < 2) return false;

        if (bracketed)
        {
            if (s[j] is '：' or ':') return false; // 【责任单位：…】 is not a label form we know
            j++;
            while (j < s.Length && UnitShape.IsDecoration(s[j])) j++;
            if (j < s.Length && s[j] is '：' or ':') j++;
        }
        else
        {
            j++;
        }

        kind = Classify(label[..n]);
        if (kind == ClauseRole.None) return false;
        valueStart = j;
        return true;
    }

    public static ClauseRole Classify(ReadOnlySpan<char> label)
    {
        if (label.EndsWith("领导") || label.EndsWith("责任人") || label.EndsWith("负责人") || label.EndsWith("联系人")
            || label.EndsWith("同志"))
        {
            return ClauseRole.Leader;
        }

        if (label.Contains("时限", StringComparison.Ordinal) || label.Contains("时间", StringComparison.Ordinal)
            || label.Contains("节点", StringComparison.Ordinal) || label.Contains("期限", StringComparison.Ordinal)
            || label.Contains("日期", StringComparison.Ordinal))
        {
            return ClauseRole.Time;
        }

        if (label.EndsWith("分工")) return ClauseRole.Division;

        var unitLabel = label.EndsWith("单位") || label.EndsWith("部门") || label.EndsWith("主体") || label.EndsWith("机关")
            || label.EndsWith("机构") || label.EndsWith("处室") || label.EndsWith("科室")
            || label is "牵头" or "配合" or "协办" or "责任" or "主责" or "协助" or "参与" or "负责" or "牵头负责" or "协同" or "主办";
        if (!unitLabel) return ClauseRole.None;

        if (label.Contains("牵头", StringComparison.Ordinal) || label.Contains("主责", StringComparison.Ordinal)
            || label.Contains("主办", StringComparison.Ordinal))
        {
            return ClauseRole.Lead;
        }

        if (label.Contains("配合", StringComparison.Ordinal) || label.Contains("协办", StringComparison.Ordinal)
            || label.Contains("协助", StringComparison.Ordinal) || label.Contains("参与", StringComparison.Ordinal)
            || label.Contains("协同", StringComparison.Ordinal) || label.Contains("协作", StringComparison.Ordinal)
            || label.Contains("支持", StringComparison.Ordinal))
        {
            return ClauseRole.Support;
        }

        if (label.Contains("责任", StringComparison.Ordinal) || label.Contains("负责", StringComparison.Ordinal)
            || label.Contains("落实", StringComparison.Ordinal) || label.Contains("实施", StringComparison.Ordinal)
            || label.Contains("承办", StringComparison.Ordinal) || label.Contains("主体", StringComparison.Ordinal))
        {
            return ClauseRole.Responsible;
        }

        return ClauseRole.Other;
    }

    /// <summary>A label that may open a clause: <see cref="TryRead"/> with a kind other than <see cref="ClauseRole.Other"/>.</summary>
    public static bool TryReadOpening(ReadOnlySpan<char> s, int pos, out int valueStart) =>
        TryRead(s, pos, out var kind, out valueStart) && kind != ClauseRole.Other;

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
