using System.Text;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// Finds ruled tables: rules that touch one another form a grid; a grid of at least two columns is a table (a box
/// around a paragraph is not). Every letter inside it is taken for its cell; the rest stay for the page's lines.
/// Cells come from the grid of all rule positions, merged where the rule between two grid cells is not drawn.
/// </summary>
internal static class TableFinder
{
    /// <summary>Rules this close (points) are one position; ends this close meet.</summary>
    private const double Slack = 2;

    public static List<RuledTable> Find(List<RuleSegment> rules, List<Glyph> glyphs)
    {
        var tables = new List<RuledTable>();
        if (rules.Count < 4) return tables;
        foreach (var component in Components(rules))
        {
            if (Build(component, glyphs) is { } table) tables.Add(table);
        }

        return tables;
    }

    /// <summary>Groups of rules connected by touching (union-find).</summary>
    private static IEnumerable<List<RuleSegment>> Components(List<RuleSegment> rules)
    {
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (rules[i].Touches(rules[j], Slack)) parent[Root(i)] = Root(j);
            }
        }

        return Enumerable.Range(0, rules.Count).GroupBy(Root).Select(g => g.Select(i => rules[i]).ToList());
    }

    private static RuledTable? Build(List<RuleSegment> rules, List<Glyph> glyphs)
    {
        var verticals = rules.Where(r => !r.Horizontal).ToList();
        var horizontals = rules.Where(r => r.Horizontal).ToList();
        var xs = Positions(verticals);
        if (xs.Count < 3 || horizontals.Count == 0) return null;

        var top = rules.Max(r => r.Horizontal ? r.Position : r.To);
        var bottom = rules.Min(r => r.Horizontal ? r.Position : r.From);
        if (top - bottom < 8) return null;
        var ys = Positions(horizontals);
        ys.Reverse();
        var openTop = ys[0] < top - Slack;
        if (openTop) ys.Insert(0, top);
        var openBottom = ys[^1] > bottom + Slack;
        if (openBottom) ys.Add(bottom);
        if (ys.Count < 2) return null;

        var rowCount = ys.Count - 1;
        var columnCount = xs.Count - 1;
        var cellOf = MergeCells(xs, ys, verticals, horizontals);

        // Letters to cells, by the middle of the letter.
        var cellGlyphs = new Dictionary<int, List<Glyph>>();
        var left = xs[0];
        var right = xs[^1];
        glyphs.RemoveAll(g =>
        {
            if (g.Center < left || g.Center > right || g.Middle > top || g.Middle < bottom) return false;
            var c = Index(xs, g.Center, ascending: true);
            var r = Index(ys, g.Middle, ascending: false);
            var cell = cellOf[r * columnCount + c];
            if (!cellGlyphs.TryGetValue(cell, out var list)) cellGlyphs[cell] = list = [];
            list.Add(g);
            return true;
        });

        // Each merged cell: its text, the row its text is printed in, and its first column.
        var texts = new Dictionary<int, (string Text, int Row)>();
        foreach (var (cell, list) in cellGlyphs)
        {
            var ink = list.Where(g => !g.IsSpace).ToList();
            if (ink.Count == 0) continue;
            var middle = (ink.Max(g => g.Top) + ink.Min(g => g.Bottom)) / 2;
            var row = Math.Clamp(Index(ys, middle, ascending: false), cell / columnCount, LastRow(cellOf, cell, columnCount, rowCount));
            texts[cell] = (CellText(list), row);
        }

        var rows = new List<string[]>();
        for (var r = 0; r < rowCount; r++)
        {
            var cells = new List<string>(columnCount);
            for (var c = 0; c < columnCount; c++)
            {
                var cell = cellOf[r * columnCount + c];
                // A cell spanning columns is written once, in its first column.
                if (c > 0 && cellOf[r * columnCount + c - 1] == cell) continue;
                cells.Add(texts.TryGetValue(cell, out var t) && t.Row == r ? t.Text : "");
            }

            if (cells.TrueForAll(s => s.Length == 0)) continue;
            rows.Add([.. cells]);
        }

        return rows.Count == 0 ? null : new RuledTable(xs, rows, openTop, openBottom, top, bottom);
    }

    /// <summary>
    /// The grid cell (row-major) → the id of the merged cell it belongs to: neighbours are one cell where the rule
    /// between them is not drawn at the middle of their shared side.
    /// </summary>
    private static int[] MergeCells(List<double> xs, List<double> ys, List<RuleSegment> verticals, List<RuleSegment> horizontals)
    {
        var rowCount = ys.Count - 1;
        var columnCount = xs.Count - 1;
        var parent = Enumerable.Range(0, rowCount * columnCount).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }

        for (var r = 0; r < rowCount; r++)
        {
            var middleY = (ys[r] + ys[r + 1]) / 2;
            for (var c = 0; c < columnCount; c++)
            {
                var middleX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < columnCount && !Drawn(verticals, xs[c + 1], middleY)) parent[Root(r * columnCount + c)] = Root(r * columnCount + c + 1);
                if (r + 1 < rowCount && !Drawn(horizontals, ys[r + 1], middleX)) parent[Root(r * columnCount + c)] = Root((r + 1) * columnCount + c);
            }
        }

        // Ids are the smallest grid cell of each merged cell, so that id / columns is its first row.
        var smallest = new Dictionary<int, int>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Root(i);
            if (!smallest.ContainsKey(root)) smallest[root] = i;
        }

        return [.. Enumerable.Range(0, parent.Length).Select(i => smallest[Root(i)])];
    }

    private static int LastRow(int[] cellOf, int cell, int columnCount, int rowCount)
    {
        var last = cell / columnCount;
        for (var r = last + 1; r < rowCount; r++)
        {
            if (cellOf[r * columnCount + cell % columnCount] == cell) last = r;
        }

        return last;
    }

    private static bool Drawn(List<RuleSegment> rules, double position, double along) =>
        rules.Exists(r => Math.Abs(r.Position - position) <= Slack && r.From - Slack <= along && along <= r.To + Slack);

    /// <summary>The distinct positions of rules, ascending, those within the slack taken as one.</summary>
    private static List<double> Positions(List<RuleSegment> rules)
    {
        var positions = new List<double>();
        foreach (var p in rules.Select(r => r.Position).Order())
        {
            if (positions.Count > 0 && p - positions[^1] <= Slack) continue;
            positions.Add(p);
        }

        return positions;
    }

    /// <summary>The interval of <paramref name="edges"/> that holds <paramref name="value"/>, clamped to the grid.</summary>
    private static int Index(List<double> edges, double value, bool ascending)
    {
        for (var i = 1; i < edges.Count - 1; i++)
        {
            if (ascending ? value < edges[i] : value > edges[i]) return i - 1;
        }

        return edges.Count - 2;
    }

    /// <summary>A cell's lines joined: no break inside Chinese, a space between Latin words wrapped apart.</summary>
    private static string CellText(List<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        foreach (var row in BaselineRows.Group(glyphs))
        {
            var line = GlyphSpacing.Join(row).Replace('\t', ' ').Trim();
            if (line.Length == 0) continue;
            if (sb.Length > 0 && GlyphSpacing.IsLatinOrDigit(sb[^1]) && GlyphSpacing.IsLatinOrDigit(line[0])) sb.Append(' ');
            sb.Append(line);
        }

        return sb.ToString();
    }
}
