namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// A page's lines and tables in reading order. Without a column gutter: top to bottom. With one: lines and tables
/// across the gutter (document headers, titles centred on the page, wide tables) cut the page into bands, and each
/// band is read left column then right column — unless its two sides do not overlap in height (a right-aligned date
/// above a short heading on a one-column stretch), which is read top to bottom.
/// </summary>
internal static class PageLayout
{
    public static List<PageItem> Order(List<List<Glyph>> rows, List<RuledTable> tables)
    {
        var ink = rows.SelectMany(r => r).Where(g => !g.IsSpace).ToList();
        if (ink.Count == 0) return [.. tables.OrderByDescending(t => t.Top)];
        var textLeft = ink.Min(g => g.Left);
        var textRight = ink.Max(g => g.Right);
        var em = ink.Select(g => g.Size).Order().ElementAt(ink.Count / 2);
        var gutter = ColumnGutter.Find(rows, textLeft, textRight, em);

        var items = new List<PageItem>(rows.Count + tables.Count);
        foreach (var row in rows)
        {
            // A row with a letter in the gutter runs across both columns; any other is a line of each column.
            if (gutter is not { } g || row.Exists(x => !x.IsSpace && g.Overlaps(x.Left, x.Right)))
            {
                items.Add(new TextLine(row) { ColumnLeft = textLeft, ColumnRight = textRight });
                continue;
            }

            var left = row.Where(x => x.Center < g.Center).ToList();
            var right = row.Where(x => x.Center >= g.Center).ToList();
            if (left.Exists(x => !x.IsSpace)) items.Add(new TextLine(left));
            if (right.Exists(x => !x.IsSpace)) items.Add(new TextLine(right));
        }

        if (gutter is not { } gap) return Columns(items, tables, textLeft, textRight);
        return InBands(items, tables, gap, textLeft, textRight);
    }

    /// <summary>One column: top to bottom.</summary>
    private static List<PageItem> Columns(List<PageItem> lines, List<RuledTable> tables, double textLeft, double textRight)
    {
        foreach (var line in lines.OfType<TextLine>()) (line.ColumnLeft, line.ColumnRight) = (textLeft, textRight);
        return [.. lines.Concat(tables).OrderByDescending(i => i.Top)];
    }

    private static List<PageItem> InBands(List<PageItem> lines, List<RuledTable> tables, ColumnGutter gutter, double textLeft, double textRight)
    {
        var all = lines.Concat(tables).OrderByDescending(i => i.Top).ToList();
        var leftSide = lines.OfType<TextLine>().Where(l => l.Right <= gutter.Right && l.ColumnRight == 0).ToList();
        var rightSide = lines.OfType<TextLine>().Where(l => l.Left >= gutter.Left && l.ColumnRight == 0).ToList();
        // Column edges: where the column's lines reach, which justified text does exactly.
        var leftEdge = leftSide.Count > 0 ? leftSide.Max(l => l.Right) : gutter.Left;
        var rightStart = rightSide.Count > 0 ? rightSide.Min(l => l.Left) : gutter.Right;
        foreach (var l in leftSide) (l.ColumnLeft, l.ColumnRight) = (textLeft, leftEdge);
        foreach (var l in rightSide) (l.ColumnLeft, l.ColumnRight) = (rightStart, textRight);

        var ordered = new List<PageItem>(all.Count);
        var left = new List<PageItem>();
        var right = new List<PageItem>();
        void FlushBand()
        {
            var overlap = left.Count > 0 && right.Count > 0
                && Math.Min(left.Max(i => i.Top), right.Max(i => i.Top)) > Math.Max(left.Min(i => i.Bottom), right.Min(i => i.Bottom));
            if (overlap)
            {
                ordered.AddRange(left);
                ordered.AddRange(right);
            }
            else
            {
                ordered.AddRange(left.Concat(right).OrderByDescending(i => i.Top));
            }

            left.Clear();
            right.Clear();
        }

        foreach (var item in all)
        {
            if (gutter.Overlaps(item.Left, item.Right))
            {
                FlushBand();
                ordered.Add(item);
                continue;
            }

            (item.Right <= gutter.Center ? left : right).Add(item);
        }

        FlushBand();
        return ordered;
    }
}
