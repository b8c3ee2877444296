namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// The grammar of a responsibility clause's body: segments separated by ， ； (and sentences by 。), each one of
/// <list type="bullet">
/// <item>a label and its value — 牵头单位：市委政法委 / 完成时限：8 月底 / 责任分工：市发改委牵头;</item>
/// <item>units closed by role verbs — 市公安局牵头 / 市交通运输局、市城管局配合 / 各县（市、区）政府负责落实;</item>
/// <item>units alone — continuing the label before them, or waiting for the verb of the next segment;</item>
/// <item>a time limit — 2019年底前完成.</item>
/// </list>
/// </summary>
internal static class ClauseGrammar
{
    internal enum Mode
    {
        /// <summary>Parenthesised body without a leading label: every segment of the first sentence must parse.</summary>
        Strict,
        /// <summary>Parenthesised body that opens with a label: segments that do not parse are skipped.</summary>
        Tolerant,
        /// <summary>
        /// A label outside parentheses: like Tolerant, and the clause runs on past 。 only while the next sentence
        /// opens with a label too.
        /// </summary>
        LabelSentences,
        /// <summary>
        /// Parenthesised body closing an item, read as Strict except that units without a verb are responsible:
        /// （市工信委、市财政局）.
        /// </summary>
        Bare,
    }

    private struct State
    {
        public ClauseRole Label;
        public List<string>? Pending;
    }

    /// <summary>
    /// Parses <paramref name="s"/> into <paramref name="roles"/>. Returns how much of <paramref name="s"/> the clause
    /// covers (its length when it runs to the end), or -1 when the body is not a responsibility clause.
    /// </summary>
    public static int Parse(ReadOnlySpan<char> s, Mode mode, RoleSet roles)
    {
        var state = default(State);
        var depth = 0;
        var segStart = 0;
        var sentence = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            var atEnd = i == s.Length;
            var c = atEnd ? '\0' : s[i];
            if (!atEnd)
            {
                if (UnitShape.IsOpen(c))
                {
                    depth++;
                    continue;
                }

                if (UnitShape.IsClose(c))
                {
                    if (depth > 0) depth--;
                    continue;
                }

                if (depth > 0) continue;
            }

            var sentenceEnd = atEnd || c is '。' or '！' or '？' or '!' or '?';
            // Spaces before another label part labels as ； does: 牵头单位：市发改委  配合单位：市财政局.
            if (!sentenceEnd && c is not ('，' or ',' or '；' or ';' or '\n') && !(IsSpace(c) && LabelFollows(s, i))) continue;

            if (!ParseSegment(s[segStart..i], roles, ref state))
            {
                if (mode is Mode.Strict or Mode.Bare)
                {
                    if (sentence == 0) return -1;
                    return segStart;
                }
            }

            if (sentenceEnd)
            {
                if (state.Pending is { Count: > 0 })
                {
                    // Units without a verb or label to say what they do: responsible when they alone close an item.
                    if (mode == Mode.Strict && sentence == 0) return -1;
                    if (mode == Mode.Bare) roles.Add(ClauseRole.Responsible, state.Pending);
                    state.Pending.Clear();
                }

                state.Label = ClauseRole.None;
                sentence++;
                if (mode == Mode.LabelSentences && !atEnd && !ClauseLabel.TryRead(s, i + 1, out _, out _))
                {
                    return i + 1;
                }
            }

            segStart = i + 1;
        }

        return s.Length;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u3000' or '\t' or '\u00A0';

    /// <summary>True when, after the spaces at <paramref name="i"/>, a label begins (and not just more of the same space run).</summary>
    private static bool LabelFollows(ReadOnlySpan<char> s, int i)
    {
        if (i > 0 && IsSpace(s[i - 1])) return false;
        var j = i;
        while (j < s.Length && IsSpace(s[j])) j++;
        return j < s.Length && ClauseLabel.TryRead(s, j, out _, out _);
    }

    private static bool ParseSegment(ReadOnlySpan<char> seg, RoleSet roles, ref State state)
    {
        seg = UnitShape.TrimDecoration(seg);
        if (seg.IsEmpty) return true;

        if (!ClauseLabel.TryRead(seg, 0, out var kind, out var valueStart))
        {
            return ParseUnlabelled(seg, roles, ref state);
        }

        var value = UnitShape.TrimDecoration(seg[valueStart..]);
        if (kind == ClauseRole.Other)
        {
            // 数据提供单位：市统计局 after 牵头单位：… — responsible like 责任单位; alone it opens nothing.
            if (!roles.HasUnits) return false;
            kind = ClauseRole.Responsible;
        }

        state.Label = kind;
        switch (kind)
        {
            case ClauseRole.Leader:
                return true;
            case ClauseRole.Time:
                if (!value.IsEmpty) roles.TimeLimit ??= value.ToString();
                return true;
            case ClauseRole.Division:
                return value.IsEmpty || ParseUnlabelled(value, roles, ref state);
        }

        if (value.IsEmpty) return true;
        var role = kind;
        if (RoleTail.TryStrip(value, out var unitsLength, out var verbRole))
        {
            value = value[..unitsLength];
            if (verbRole is ClauseRole.Lead or ClauseRole.Support) role = verbRole;
        }

        AddLabelledUnits(value, role, roles);
        return true;
    }

    /// <summary>A label vouches for its value: entries that are not unit-like are dropped, or taken as the time limit.</summary>
    private static void AddLabelledUnits(ReadOnlySpan<char> value, ClauseRole role, RoleSet roles)
    {
        List<string>? entries = null;
        UnitSplitter.Split(value, ref entries);
        if (entries is null) return;
        foreach (var e in entries)
        {
            if (UnitShape.IsUnitLike(e)) roles.Add(role, e);
            else if (UnitShape.IsTimeLike(e)) roles.TimeLimit ??= e;
        }
    }

    private static bool ParseUnlabelled(ReadOnlySpan<char> seg, RoleSet roles, ref State state)
    {
        if (RoleTail.TryStrip(seg, out var unitsLength, out var role))
        {
            var units = AfterBy(seg[..unitsLength]);

            var with = IndexAtDepthZero(units, "会同");
            List<string>? main;
            List<string>? partners = null;
            if (with > 0)
            {
                // 市公安局会同市交通运输局负责: the first leads, the partners support.
                if (!TryCollect(units[..with], out main) || !TryCollect(units[(with + 2)..], out partners)) return false;
                if (role != ClauseRole.Support) role = ClauseRole.Lead;
            }
            else if (!TryCollect(units, out main))
            {
                // 分管副省长、协管副秘书长负责: the officials who answer for it, not units; the units follow (省科技厅牵头).
                if (AreOfficials(units)) return true;
                // 年内持续推进: a verb of time (推进) closing a limit, not units.
                if (!UnitShape.IsTimeLike(seg)) return false;
                roles.TimeLimit ??= seg.ToString();
                return true;
            }

            if (state.Pending is { Count: > 0 })
            {
                roles.Add(role, state.Pending);
                state.Pending.Clear();
            }

            roles.Add(role, main);
            if (partners is not null) roles.Add(ClauseRole.Support, partners);
            state.Label = ClauseRole.None;
            return true;
        }

        if (TryCollect(seg, out var list))
        {
            if (state.Label is ClauseRole.Lead or ClauseRole.Responsible or ClauseRole.Support)
            {
                roles.Add(state.Label, list);
            }
            else
            {
                state.Pending ??= new List<string>(list.Count);
                state.Pending.AddRange(list);
            }

            return true;
        }

        if (UnitShape.IsTimeLike(seg))
        {
            roles.TimeLimit ??= seg.ToString();
            return true;
        }

        // Leaders' names and the wording of a time limit may run on over several segments.
        return state.Label is ClauseRole.Leader or ClauseRole.Time;
    }

    /// <summary>分管副省长、协管副秘书长 / 市长 / 分管副区长: every entry an official's post, which no unit name ends with.</summary>
    private static bool AreOfficials(ReadOnlySpan<char> units)
    {
        List<string>? entries = null;
        UnitSplitter.Split(units, ref entries);
        if (entries is null) return false;
        foreach (var e in entries)
        {
            if (e.Length > 12 || !(e.EndsWith("省长", StringComparison.Ordinal) || e.EndsWith("市长", StringComparison.Ordinal)
                || e.EndsWith("区长", StringComparison.Ordinal) || e.EndsWith("县长", StringComparison.Ordinal)
                || e.EndsWith("州长", StringComparison.Ordinal) || e.EndsWith("旗长", StringComparison.Ordinal)
                || e.EndsWith("秘书长", StringComparison.Ordinal) || e.EndsWith("主席", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a unit list; true only when there is at least one entry and every entry looks like an organisation.</summary>
    private static bool TryCollect(ReadOnlySpan<char> units, out List<string> list)
    {
        List<string>? entries = null;
        UnitSplitter.Split(units, ref entries);
        list = entries!;
        if (entries is null) return false;
        foreach (var e in entries)
        {
            if (!UnitShape.IsUnitLike(e)) return false;
        }

        return true;
    }

    /// <summary>
    /// The units after 由 (by): 由市公安局负责, 具体工作由市住房城乡建设局牵头负责 → the units only.
    /// 自由 (自由贸易试验区) is part of a name, not the preposition.
    /// </summary>
    private static ReadOnlySpan<char> AfterBy(ReadOnlySpan<char> units)
    {
        var depth = 0;
        for (var i = units.Length - 2; i >= 0; i--)
        {
            var c = units[i];
            if (UnitShape.IsClose(c)) depth++;
            else if (UnitShape.IsOpen(c)) { if (depth > 0) depth--; }
            else if (depth == 0 && c == '由' && (i == 0 || units[i - 1] != '自')) return units[(i + 1)..];
        }

        return units;
    }

    private static int IndexAtDepthZero(ReadOnlySpan<char> s, string word)
    {
        var depth = 0;
        for (var i = 0; i + word.Length <= s.Length; i++)
        {
            var c = s[i];
            if (UnitShape.IsOpen(c)) depth++;
            else if (UnitShape.IsClose(c)) { if (depth > 0) depth--; }
            else if (depth == 0 && s[i..].StartsWith(word)) return i;
        }

        return -1;
    }
}
