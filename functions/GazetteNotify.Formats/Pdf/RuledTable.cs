namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// A table rebuilt from its drawn rules: rows of cell texts, top to bottom. A cell spanning rows (工作任务 over six
/// tasks) gives its text to the row its text is printed in, as copying from a PDF viewer does and as the parser's table
/// reader expects; a cell spanning columns is one cell; a row that is one cell across the table is a heading.
/// </summary>
internal sealed class RuledTable : PageItem
{
    public RuledTable(IReadOnlyList<double> columnEdges, List<string[]> rows, bool openTop, bool openBottom, double top, double bottom)
    {
        ColumnEdges = columnEdges;
        Rows = rows;
        OpenTop = openTop;
        OpenBottom = openBottom;
        Left = columnEdges[0];
        Right = columnEdges[^1];
        Top = top;
        Bottom = bottom;
    }

    /// <summary>The x of each vertical rule, left to right: one more than the columns.</summary>
    public IReadOnlyList<double> ColumnEdges { get; }

    public List<string[]> Rows { get; }

    /// <summary>The side rules run above the first horizontal rule: the first row began on the page before.</summary>
    public bool OpenTop { get; }

    /// <summary>The side rules run below the last horizontal rule: the last row goes on on the next page (once joined, the last part's).</summary>
    public bool OpenBottom { get; set; }

    public int ColumnCount => ColumnEdges.Count - 1;

    /// <summary>Whether <paramref name="next"/> (at the top of the next page) has the same columns, so continues this table.</summary>
    public bool HasColumnsOf(RuledTable next)
    {
        if (next.ColumnEdges.Count != ColumnEdges.Count) return false;
        for (var i = 0; i < ColumnEdges.Count; i++)
        {
            if (Math.Abs(next.ColumnEdges[i] - ColumnEdges[i]) > 3) return false;
        }

        return true;
    }
}
