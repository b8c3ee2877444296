namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// Letters grouped by baseline, top of the page first, each row left to right. A row may hold a line of each column
/// (two-column pages set their lines on shared baselines); <see cref="PageLayout"/> splits it at the gutter.
/// </summary>
internal static class BaselineRows
{
    /// <summary>Letters within this much of a row's first baseline are on it: lines are ≥ 1.2 em apart, sub/superscripts are not.</summary>
    private const double SameBaselineEms = 0.3;

    public static List<List<Glyph>> Group(IEnumerable<Glyph> glyphs)
    {
        var rows = new List<List<Glyph>>();
        List<Glyph>? row = null;
        var baseline = 0.0;
        // Against the first baseline of the row, not the last letter's: a slope of small steps must not chain rows.
        foreach (var g in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            if (row is not null && baseline - g.Baseline <= SameBaselineEms * Math.Max(g.Size, 1))
            {
                row.Add(g);
                continue;
            }

            row = [g];
            baseline = g.Baseline;
            rows.Add(row);
        }

        foreach (var r in rows) r.Sort((a, b) => a.Left.CompareTo(b.Left));
        // A row of nothing but space glyphs is no line.
        rows.RemoveAll(r => r.TrueForAll(g => g.IsSpace));
        return rows;
    }
}
