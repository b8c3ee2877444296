using AngleSharp.Html.Dom;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// A page's table as the parser's table reader wants it: a line per row, cells separated by tabs, a cell's content on
/// one line. A cell spanning columns (colspan) is followed by empty cells, and a cell spanning rows (rowspan) is repeated
/// on the rows it spans, so every cell stays under its header — a merged 牵头单位 applies to each task it spans. A row
/// that is one cell across the table (a heading row, or a layout table around the article) is written as its lines.
/// A blank line ends the table.
/// </summary>
internal static class HtmlTable
{
    /// <summary>The spec caps colspan at 1,000; rowspan is capped alike so a hostile page cannot multiply its rows.</summary>
    private const int MaxSpan = 1_000;

    public static void Write(IHtmlTableElement table, HtmlLineWriter writer)
    {
        var rows = table.Rows.ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Sum(c => Math.Clamp(c.ColumnSpan, 1, MaxSpan)));
        var spanning = new Dictionary<int, (string Text, int Rows)>();
        foreach (var row in rows)
        {
            var cells = row.Cells.ToList();
            if (cells.Count == 1 && spanning.Count == 0 && (Math.Clamp(cells[0].ColumnSpan, 1, MaxSpan) >= width || width <= 1))
            {
                writer.WriteChildren(cells[0]);
                writer.EndLine(force: false);
                continue;
            }

            var texts = new List<string>();
            foreach (var cell in cells)
            {
                TakeSpanned(texts, spanning);
                var text = HtmlLineWriter.OneLine(cell, writer.Depth);
                var rowSpan = cell.RowSpan <= 0 ? rows.Count : Math.Min(cell.RowSpan, MaxSpan);
                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan);
                for (var i = 0; i < columnSpan; i++)
                {
                    // The text in the first column it covers, empty cells in the others, on this row and those it spans.
                    if (rowSpan > 1) spanning[texts.Count] = (i == 0 ? text : "", rowSpan - 1);
                    texts.Add(i == 0 ? text : "");
                }
            }

            // Cells spanning down into the end of this row.
            while (spanning.Keys.Any(k => k >= texts.Count))
            {
                var next = spanning.Keys.Where(k => k >= texts.Count).Min();
                while (texts.Count < next) texts.Add("");
                TakeSpanned(texts, spanning);
            }

            writer.Lines.Add(string.Join('\t', texts));
        }

        writer.Lines.Add("");
    }

    /// <summary>Fills the columns a cell above still spans, at the current position.</summary>
    private static void TakeSpanned(List<string> texts, Dictionary<int, (string Text, int Rows)> spanning)
    {
        while (spanning.TryGetValue(texts.Count, out var above))
        {
            if (above.Rows <= 1) spanning.Remove(texts.Count);
            else spanning[texts.Count] = (above.Text, above.Rows - 1);
            texts.Add(above.Text);
        }
    }
}
