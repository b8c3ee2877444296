namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// The role verbs that close a unit list — 市公安局<b>牵头</b>, 市交通运输局、市城管局<b>配合</b>,
/// 各县（市、区）政府<b>负责落实</b>, 市直有关部门<b>按职责分工分别牵头落实</b> — with their manner modifiers
/// (按照职责分工, 根据工作职责, 分别, 分头, 共同 …).
/// </summary>
internal static class RoleTail
{
    private static readonly string[] LeadVerbs = ["牵头", "主办", "抓总"];
    private static readonly string[] SupportVerbs = ["配合", "协助", "协同", "协办", "参与"];
    private static readonly string[] OtherVerbs = ["负总责", "负责", "承办", "组织", "落实", "实施", "推进", "督促", "抓好", "指导", "执行"];
    private static readonly string[] Modifiers = ["各司其职", "分别", "分头", "共同", "各自", "具体", "统筹", "切实", "认真", "积极", "联合", "依法"];

    /// <summary>
    /// Strips the role verbs (at least one) and their modifiers from the end of <paramref name="s"/>.
    /// <paramref name="unitsLength"/> is what is left for the unit list; <paramref name="role"/> is Lead when 牵头 is
    /// among the verbs, Support for 配合 / 协助 / 参与, Responsible otherwise.
    /// </summary>
    public static bool TryStrip(ReadOnlySpan<char> s, out int unitsLength, out ClauseRole role)
    {
        role = ClauseRole.None;
        unitsLength = 0;
        s = UnitShape.TrimDecoration(s);

        var lead = false;
        var support = false;
        var verbs = 0;
        while (true)
        {
            if (TryStripAny(ref s, LeadVerbs)) lead = true;
            else if (TryStripAny(ref s, SupportVerbs)) support = true;
            else if (!TryStripAny(ref s, OtherVerbs)) break;
            verbs++;
        }

        if (verbs == 0) return false;

        while (TryStripAny(ref s, Modifiers) || TryStripDutyPhrase(ref s))
        {
        }

        s = UnitShape.TrimDecoration(s);
        if (s.IsEmpty) return false;

        unitsLength = s.Length;
        role = lead ? ClauseRole.Lead : support ? ClauseRole.Support : ClauseRole.Responsible;
        return true;
    }

    private static bool TryStripAny(ref ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.Length > w.Length && s.EndsWith(w))
            {
                s = UnitShape.TrimDecoration(s[..^w.Length]);
                return true;
            }
        }

        return false;
    }

    /// <summary>按照职责分工 / 按职责分工 / 按照职能分工 / 根据工作职责 / 依据职责 / 按各自职责 / 按分工.</summary>
    private static bool TryStripDutyPhrase(ref ReadOnlySpan<char> s)
    {
        var t = s;
        var division = false;
        if (t.EndsWith("分工"))
        {
            t = t[..^2];
            division = true;
        }

        if (t.EndsWith("职责") || t.EndsWith("职能"))
        {
            t = t[..^2];
            if (t.EndsWith("工作") || t.EndsWith("各自") || t.EndsWith("法定")) t = t[..^2];
        }
        else if (!division)
        {
            return false;
        }

        if (t.EndsWith("按照") || t.EndsWith("根据") || t.EndsWith("依据") || t.EndsWith("依照")) t = t[..^2];
        else if (t.EndsWith("按") || t.EndsWith("依")) t = t[..^1];
        else return false;

        if (t.IsEmpty) return false;
        s = UnitShape.TrimDecoration(t);
        return true;
    }
}
