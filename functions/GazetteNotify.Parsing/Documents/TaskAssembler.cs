using System.Text;
using GazetteNotify.Parsing.Body;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Parsing.Documents;

/// <summary>
/// Turns responsibility clauses and table rows into tasks, each tied to the numbered item it closes.
/// A clause at the end of an item's text belongs to that item. A clause standing alone after a run of sub-items
/// belongs to the item above them (the run shares one clause: （一）…1.…6.…（市…负责）), unless those sub-items carry
/// clauses of their own or there is only one, in which case it is the last sub-item's, detached by a page or column break.
/// </summary>
internal static class TaskAssembler
{
    private sealed class Frame(int level, string item, int paragraph)
    {
        public int Level { get; } = level;
        public string Item { get; } = item;
        public int Paragraph { get; } = paragraph;
        public bool ChildHadClause { get; set; }
        public int Children { get; set; }

        /// <summary>Units its heading names as leading the items under it (（一）省监察厅牵头的工作), or null.</summary>
        public IReadOnlyList<string>? HeadingLead { get; init; }

        /// <summary>A clause under the heading took its lead: the heading needs no task of its own.</summary>
        public bool LeadUsed { get; set; }

        public int LastParagraph { get; set; }
    }

    public static List<ResponsibilityTask> Assemble(
        IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<string> lines, DateOnly anchor)
    {
        var found = new List<(int Line, ResponsibilityTask Task)>();
        var stack = new List<Frame>();
        var firstListedLeads = DeclaresFirstListedLead(paragraphs);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            if (paragraph.Kind is ParagraphKind.TableRow or ParagraphKind.Signature) continue;
            var text = paragraph.Text;
            var token = Numbering.Read(text);
            if (token is { } t)
            {
                while (stack.Count > 0 && stack[^1].Level >= t.Level) Close(stack, paragraphs, found, anchor);
                if (stack.Count > 0) stack[^1].Children++;
                stack.Add(new Frame(t.Level, t.Item, p) { HeadingLead = HeadingLead.Read(text.AsSpan(t.Length)) });
            }

            foreach (var frame in stack) frame.LastParagraph = p;
            var clauses = ResponsibilityClauseFinder.FindAll(text, firstListedLeads);
            var previousEnd = 0;
            foreach (var clause in clauses)
            {
                var standalone = clauses.Count == 1 && IsWholeParagraph(text, clause);
                var target = standalone ? StandaloneTarget(stack, text, token is not null) : Top(stack, 0);
                var clauseEnd = Math.Min(text.Length, clause.Start + clause.Length);
                var itemText = standalone && target is not null ? JoinParagraphs(paragraphs, target.Paragraph, p)
                    : previousEnd == 0 && clauseEnd == text.Length ? text
                    : text[previousEnd..clauseEnd];
                previousEnd = clauseEnd;
                MarkParent(stack, target);
                var lead = clause.Lead.Count > 0 ? clause.Lead : HeadingLeadOver(stack) ?? clause.Lead;
                found.Add((paragraph.Line, TaskOf(target?.Item, lead, clause.Support, itemText, clause.TimeLimitText, anchor)));
            }
        }

        while (stack.Count > 0) Close(stack, paragraphs, found, anchor);

        // Tables are read from the document's first line, not from its body: a table printed right under its title may
        // have had its header row taken for part of the document's heading (…重点任务分工表 / 序号 / 工作任务 / 牵头单位).
        // The readers copy the list before they write to it: the document's own lines are passed as they are.
        var all = lines as List<string> ?? [.. lines];
        foreach (var row in ResponsibilityTableReader.FindRows(StackedTables.Tabify(SpacedTables.Tabify(PipedTables.Tabify(all)))))
        {
            found.Add((row.LineIndex, TaskOf(row.Item, row.Lead, row.Support, row.Text, row.TimeLimitText, anchor)));
        }

        found.Sort((a, b) => a.Line.CompareTo(b.Line));
        var tasks = new List<ResponsibilityTask>(found.Count);
        foreach (var (line, task) in found) tasks.Add(task with { Paragraph = ParagraphAt(paragraphs, line) });
        return tasks;
    }

    /// <summary>The paragraph a line of the document opens or continues (a page shows the task next to it); null above the body.</summary>
    private static int? ParagraphAt(IReadOnlyList<Paragraph> paragraphs, int line)
    {
        int? at = null;
        for (var p = 0; p < paragraphs.Count && paragraphs[p].Line <= line; p++) at = p;
        return at;
    }

    /// <summary>
    /// Some documents state once that the first unit named in each clause leads and the others support
    /// (列第一位者为牵头部门或单位，…下同).
    /// </summary>
    private static bool DeclaresFirstListedLead(IReadOnlyList<Paragraph> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            if (FirstListedRule.IsStated(p.Text)) return true;
        }

        return false;
    }

    private static bool IsWholeParagraph(string text, ResponsibilityClause clause)
    {
        var before = text.AsSpan(0, clause.Start).Trim();
        var after = text.AsSpan(Math.Min(text.Length, clause.Start + clause.Length)).Trim().Trim("。；;.");
        return before.IsEmpty && after.IsEmpty;
    }

    private static Frame? StandaloneTarget(List<Frame> stack, string text, bool numbered)
    {
        var top = Top(stack, 0);
        if (top is null) return null;
        var isLabel = text.Length > 0 && text[0] is not ('（' or '(' or '〔' or '【');
        if (isLabel || numbered) return top; // 责任分工：… is a field of the item it sits in
        // Only a run of several sub-items, none with a clause of its own, shares one clause with the item above.
        var parent = Top(stack, 1);
        if (parent is null || parent.ChildHadClause || parent.Children < 2) return top;
        return parent;
    }

    /// <summary>The lead named by the nearest heading above (协同单位：… under （二）省审计厅牵头的工作), marked as used.</summary>
    private static IReadOnlyList<string>? HeadingLeadOver(List<Frame> stack)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].HeadingLead is not { } lead) continue;
            stack[k].LeadUsed = true;
            return lead;
        }

        return null;
    }

    /// <summary>
    /// Pops the innermost item. A heading naming a lead whose items carried no clause taking it is a task of its own:
    /// （一）省监察厅牵头的工作 / 加强行政监察工作… → 省监察厅 leads.
    /// </summary>
    private static void Close(List<Frame> stack, IReadOnlyList<Paragraph> paragraphs, List<(int Line, ResponsibilityTask Task)> found, DateOnly anchor)
    {
        var frame = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        if (frame.HeadingLead is not { } lead || frame.LeadUsed) return;
        var text = JoinParagraphs(paragraphs, frame.Paragraph, frame.LastParagraph);
        found.Add((paragraphs[frame.Paragraph].Line, TaskOf(frame.Item, lead, [], text, null, anchor)));
    }

    private static Frame? Top(List<Frame> stack, int depth) => stack.Count > depth ? stack[^(depth + 1)] : null;

    private static void MarkParent(List<Frame> stack, Frame? target)
    {
        if (target is null) return;
        var index = stack.IndexOf(target);
        if (index > 0) stack[index - 1].ChildHadClause = true;
    }

    private static string JoinParagraphs(IReadOnlyList<Paragraph> paragraphs, int from, int to)
    {
        var sb = new StringBuilder();
        for (var k = from; k <= to; k++)
        {
            if (paragraphs[k].Kind is ParagraphKind.TableRow or ParagraphKind.Signature) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(paragraphs[k].Text);
        }

        return sb.ToString();
    }

    /// <summary>A task of the item's text, with the limits it and its time-limit field (完成时限) set.</summary>
    private static ResponsibilityTask TaskOf(string? item, IReadOnlyList<string> lead, IReadOnlyList<string> support, string text, string? timeLimit, DateOnly anchor)
    {
        var (deadlines, ongoing) = LimitsOf(text, timeLimit, anchor);
        return new ResponsibilityTask(item, lead, support, deadlines) { Excerpt = TaskExcerpt.Of(text), Ongoing = ongoing is null ? [] : [ongoing] };
    }

    /// <summary>The item's time limits, each once (a limit often stands in the text and again in 完成时限).</summary>
    private static (List<Deadline> Limits, OngoingLimit? Ongoing) LimitsOf(string itemText, string? timeLimit, DateOnly anchor)
    {
        var result = new List<Deadline>();
        foreach (var d in DeadlineFinder.FindAll(itemText, anchor))
        {
            if (!result.Contains(d)) result.Add(d);
        }

        if (timeLimit is null) return (result, null);
        var (limits, ongoing) = LimitField.Read(timeLimit, anchor);
        if (ongoing is not null)
        {
            // 年内持续推进 sets no end: the 年内 the text scan read inside it is not a limit of its own.
            result.RemoveAll(d => LimitField.IsInside(ongoing, d));
            return (result, ongoing);
        }

        if (itemText.Contains(timeLimit, StringComparison.Ordinal) && result.Count > 0) return (result, null);

        foreach (var d in limits)
        {
            // 5月底前 in the text and 5月底前动工 in the field are one limit, written the field's way.
            result.RemoveAll(e => LimitField.WritesOut(d, e));
            if (!result.Contains(d)) result.Add(d);
        }

        return (result, ongoing);
    }
}
