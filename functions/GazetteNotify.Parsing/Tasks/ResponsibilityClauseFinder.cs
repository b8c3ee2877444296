using System.Buffers;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Finds the clauses that assign a task to units: （责任单位：市财政局、市税务局）, （牵头单位：…；责任单位：…）,
/// （牵头部门：…；完成时限：8 月底）, （市公安局牵头，市交通运输局、市城管局配合）, （…负责） / （…负责落实）, and label
/// paragraphs or sentences such as 责任分工：市发改委牵头，市经信委、市质监局配合，…负责落实。 or 责任单位：市大数据局.
/// </summary>
/// <remarks>
/// A parenthesised body is a clause only when it parses completely as labels, unit lists closed by role verbs and time
/// limits, and every unit looks like an organisation name; ordinary parentheses (（以下简称“职工医保”）, （含45岁）,
/// （负责医疗、护理…工作）) are left alone. Sentences of prose outside parentheses (公安机关负责…) are never clauses.
/// </remarks>
public static class ResponsibilityClauseFinder
{
    private static readonly ResponsibilityClause[] None = [];

    /// <summary>Paragraphs without any of these words hold no clause: the cheap pre-check.</summary>
    private static readonly SearchValues<string> Keywords =
        SearchValues.Create(["单位", "部门", "牵头", "负责", "配合", "落实", "分工", "主体", "总责", "主办", "协办", "协助", "参与"], StringComparison.Ordinal);

    private const int MaxDepth = 32;
    private const int MaxCandidates = 32;

    /// <summary>The longest item number looked for after bare units (第一百二十三条 and its spaces fit).</summary>
    private const int MaxNumberLength = 16;

    /// <summary>Every responsibility clause in one paragraph (a paragraph may hold several, e.g. one per sentence), in order.</summary>
    public static IReadOnlyList<ResponsibilityClause> FindAll(string paragraph) => FindAll(paragraph, firstListedLeads: false);

    /// <summary>
    /// Every responsibility clause in one paragraph, read under the rule of its document: with
    /// <paramref name="firstListedLeads"/> (the document said 列第一位者为牵头单位), the first of the units a clause
    /// states no role for leads and the others support; units written with 牵头 (分别牵头) still all lead.
    /// </summary>
    public static IReadOnlyList<ResponsibilityClause> FindAll(string paragraph, bool firstListedLeads)
    {
        if (string.IsNullOrEmpty(paragraph)) return None;
        var p = paragraph.AsSpan();
        if (p.IndexOfAny(Keywords) < 0 && !EndsWithClose(p)) return None;

        // A label paragraph (责任分工：… / 责任单位：…) is one clause covering the whole paragraph.
        var labelAt = SkipLeader(p);
        if (labelAt < p.Length && ClauseLabel.TryReadOpening(p, labelAt, out _))
        {
            var roles = new RoleSet { FirstListedLeads = firstListedLeads || FirstListedRule.IsStated(p) };
            if (ClauseGrammar.Parse(p[labelAt..], ClauseGrammar.Mode.LabelSentences, roles) > 0 && roles.HasUnits)
            {
                return [roles.ToClause(0, p.Length)];
            }
        }

        List<ResponsibilityClause>? found = null;
        Span<int> stack = stackalloc int[MaxDepth];
        Span<int> candidates = stackalloc int[MaxCandidates * 2];
        var sp = 0;
        var overflow = 0;
        var count = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (UnitShape.IsOpen(c))
            {
                if (sp < MaxDepth) stack[sp++] = i;
                else overflow++;
                continue;
            }

            if (UnitShape.IsClose(c))
            {
                if (overflow > 0)
                {
                    overflow--;
                    continue;
                }

                if (sp == 0) continue; // a stray closer
                var open = stack[--sp];
                if (p[(open + 1)..i].IndexOfAny(Keywords) < 0 && !ClosesItem(p, open, i)) continue;

                // Keep only the outermost parentheses holding a keyword: drop those this pair encloses.
                while (count > 0 && candidates[(count - 1) * 2] > open) count--;
                if (count < MaxCandidates)
                {
                    candidates[count * 2] = open;
                    candidates[count * 2 + 1] = i;
                    count++;
                }

                continue;
            }

            if (c is '〔' or '【' && sp == 0 && overflow == 0)
            {
                // 〔牵头单位：市卫健委；配合单位：市妇联〕 — the clause in square brackets some cities use instead of （）.
                var close = MatchingBracket(p, i);
                if (close > i && p[(i + 1)..close].IndexOfAny(Keywords) >= 0 && TryParenthesised(p, i, close, firstListedLeads) is { } boxed)
                {
                    found ??= new List<ResponsibilityClause>(2);
                    found.Add(boxed);
                    i = close;
                }

                continue;
            }

            if (c is '：' or ':' && sp == 0 && overflow == 0)
            {
                var end = TryLabelSentence(p, i, firstListedLeads, ref found);
                if (end > i) i = end - 1;
            }
        }

        // A labelled clause the text ends inside ((牵头单位：省发改委；责任单位：省编办、… — an excerpt or an upload cut
        // short) still names its units; an unlabelled bracket left open is not read.
        if (sp == 1 && overflow == 0 && count < MaxCandidates && ClauseLabel.TryReadOpening(p[(stack[0] + 1)..], 0, out _))
        {
            candidates[count * 2] = stack[0];
            candidates[count * 2 + 1] = p.Length;
            count++;
        }

        for (var k = 0; k < count; k++)
        {
            var open = candidates[k * 2];
            var close = candidates[k * 2 + 1];
            var clause = TryParenthesised(p, open, close, firstListedLeads);
            if (clause is null) continue;
            found ??= new List<ResponsibilityClause>(2);
            found.Add(clause);
        }

        if (found is null) return None;
        if (found.Count > 1) found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found.ToArray();
    }

    private static ResponsibilityClause? TryParenthesised(ReadOnlySpan<char> p, int open, int close, bool firstListedLeads)
    {
        var body = p[(open + 1)..close];
        var mode = ClauseLabel.TryReadOpening(body, 0, out _) ? ClauseGrammar.Mode.Tolerant : ClauseGrammar.Mode.Strict;
        var roles = new RoleSet();
        if (ClauseGrammar.Parse(body, mode, roles) < 0 || !roles.HasUnits)
        {
            // …增长12%。（市发改委） — units alone, closing an item, are the units responsible for it.
            if (mode != ClauseGrammar.Mode.Strict || !ClosesItem(p, open, close)) return null;
            roles = new RoleSet();
            if (ClauseGrammar.Parse(body, ClauseGrammar.Mode.Bare, roles) < 0 || !roles.HasUnits) return null;
        }

        roles.FirstListedLeads = firstListedLeads || FirstListedRule.IsStated(body);
        return roles.ToClause(open, close < p.Length ? close - open + 1 : close - open); // a clause cut off has no closer
    }

    /// <summary>The paragraph ends with a closing parenthesis (a full stop after it allowed): it may end in bare units.</summary>
    private static bool EndsWithClose(ReadOnlySpan<char> p)
    {
        var t = UnitShape.TrimDecoration(p).TrimEnd("。；;.");
        return !t.IsEmpty && UnitShape.IsClose(t[^1]);
    }

    /// <summary>
    /// True when the parentheses stand after the end of a sentence and nothing but a full stop or the next numbered
    /// item follows them: 实现固定资产投资1590亿元。（市发改委） — the place of a clause, not of a remark inside prose.
    /// </summary>
    private static bool ClosesItem(ReadOnlySpan<char> p, int open, int close)
    {
        var before = UnitShape.TrimDecoration(p[..open]);
        if (before.IsEmpty || before[^1] is not ('。' or '；' or ';' or '！' or '!')) return false;
        var after = UnitShape.TrimDecoration(p[(close + 1)..]);
        if (after.Length > 0 && after[0] is '。' or '；' or ';' or '.') after = UnitShape.TrimDecoration(after[1..]);

        // A text flattened onto one line goes on with the next item: …增长12%。（市发改委） 2.一般预算收入…
        return after.IsEmpty || Body.Numbering.LengthOf(after[..Math.Min(after.Length, MaxNumberLength)].ToString()) > 0;
    }

    /// <summary>The 〕 or 】 closing the bracket at <paramref name="open"/> (round parentheses may nest inside), or -1.</summary>
    private static int MatchingBracket(ReadOnlySpan<char> p, int open)
    {
        var closer = p[open] == '〔' ? '〕' : '】';
        var end = p.Slice(open + 1).IndexOfAny(closer, p[open]);
        return end < 0 || p[open + 1 + end] != closer ? -1 : open + 1 + end;
    }

    /// <summary>
    /// A label in mid-paragraph, right after the end of a sentence: …。责任单位：市财政局；完成时限：2023年底。
    /// Returns the end of the clause (its last 。 included) when one is found there, else -1.
    /// </summary>
    private static int TryLabelSentence(ReadOnlySpan<char> p, int colon, bool firstListedLeads, ref List<ResponsibilityClause>? found)
    {
        var k = colon - 1;
        var limit = Math.Max(0, colon - 16);
        for (; k >= limit; k--)
        {
            var c = p[k];
            if (c is '。' or '；' or ';' or '！' or '？' or '!' or '?') break;
            if (!ClauseLabel.IsCjk(c) && !UnitShape.IsDecoration(c) && c is not ('【' or '】' or '[' or ']')) return -1;
        }

        if (k < limit) return -1; // no sentence boundary close before the label (the paragraph start is handled apart)

        var start = k + 1;
        while (start < colon && UnitShape.IsDecoration(p[start])) start++;
        if (!ClauseLabel.TryReadOpening(p, start, out var valueStart) || valueStart != colon + 1) return -1;

        var roles = new RoleSet { FirstListedLeads = firstListedLeads };
        var length = ClauseGrammar.Parse(p[start..], ClauseGrammar.Mode.LabelSentences, roles);
        if (length <= 0 || !roles.HasUnits) return -1;

        var end = start + length;
        while (end > start && UnitShape.IsDecoration(p[end - 1])) end--;
        found ??= new List<ResponsibilityClause>(2);
        found.Add(roles.ToClause(start, end - start));
        return end;
    }

    /// <summary>Skips what may open a label paragraph: spaces, Markdown marks, bullets and a list number (（一） 1. 一、).</summary>
    private static int SkipLeader(ReadOnlySpan<char> p)
    {
        var i = 0;
        while (i < p.Length && (UnitShape.IsDecoration(p[i]) || p[i] is '#' or '>' or '-' or '•' or '·' or '●' or '○' or '◆' or '■' or '▲'))
        {
            i++;
        }

        var j = i;
        if (j < p.Length && UnitShape.IsOpen(p[j]))
        {
            j++;
            var n = 0;
            while (j < p.Length && n < 3 && IsNumeral(p[j])) { j++; n++; }
            if (n > 0 && j < p.Length && UnitShape.IsClose(p[j])) i = j + 1;
        }
        else
        {
            var n = 0;
            while (j < p.Length && n < 3 && IsNumeral(p[j])) { j++; n++; }
            if (n > 0 && j < p.Length && p[j] is '.' or '．' or '、') i = j + 1;
        }

        while (i < p.Length && UnitShape.IsDecoration(p[i])) i++;
        return i;

        static bool IsNumeral(char c) => c is >= '0' and <= '9' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';
    }
}
