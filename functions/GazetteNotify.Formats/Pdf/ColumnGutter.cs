namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// The gap between the two columns of a two-column page, found per page: an x-interval near the middle of the text
/// area that most rows leave empty, with full lines of text reaching it from the left and starting after it on the
/// right (a TOC's page numbers or a cover's short fields leave gaps too, but no full lines on both sides).
/// </summary>
internal readonly record struct ColumnGutter(double Left, double Right)
{
    public double Center => (Left + Right) / 2;

    /// <summary>Letters closer than this (ems) are one run of text when measuring which x a row covers.</summary>
    private const double RunGapEms = 0.8;

    /// <summary>At most this share of the rows may cross the gutter (headers, titles and tables across both columns).</summary>
    private const double MaxCrossingShare = 0.35;

    /// <summary>Full column lines needed on each side.</summary>
    private const int MinFullLines = 2;

    /// <summary>Whether something from <paramref name="left"/> to <paramref name="right"/> reaches into the gutter.</summary>
    public bool Overlaps(double left, double right) => left < Right && right > Left;

    public static ColumnGutter? Find(List<List<Glyph>> rows, double textLeft, double textRight, double em)
    {
        var width = textRight - textLeft;
        if (rows.Count < 3 || width < 20 * em) return null;

        var runs = rows.Select(Runs).ToList();
        var from = (int)Math.Floor(textLeft + width * 0.3);
        var to = (int)Math.Ceiling(textLeft + width * 0.7);
        var coverage = new int[to - from + 1];
        foreach (var row in runs)
        {
            foreach (var (left, right) in row)
            {
                for (var x = Math.Max(from, (int)Math.Floor(left)); x <= Math.Min(to, (int)Math.Ceiling(right)); x++) coverage[x - from]++;
            }
        }

        var least = coverage.Min();
        if (least > rows.Count * MaxCrossingShare) return null;

        // The longest stretch at the least coverage.
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < coverage.Length;)
        {
            if (coverage[i] != least)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < coverage.Length && coverage[j] == least) j++;
            if (j - i > bestLength) (bestStart, bestLength) = (i, j - i);
            i = j;
        }

        // Bins are 1 pt and a bin counts as covered by any overlap, so the empty stretch is the gutter less ~2 pt.
        var gutter = new ColumnGutter(from + bestStart - 0.5, from + bestStart + bestLength - 0.5);
        if (bestLength + 1 < 0.5 * em) return null;

        var leftFull = runs.Count(row => row.Exists(r => r.Left <= textLeft + 3 * em && r.Right <= gutter.Left + 1 && r.Right >= gutter.Left - 2.5 * em));
        var rightFull = runs.Count(row => row.Exists(r => r.Left >= gutter.Right - 1 && r.Left <= gutter.Right + 3 * em && r.Right >= textRight - 2.5 * em));
        return leftFull >= MinFullLines && rightFull >= MinFullLines ? gutter : null;
    }

    private static List<(double Left, double Right)> Runs(List<Glyph> row)
    {
        var runs = new List<(double Left, double Right)>();
        foreach (var g in row)
        {
            if (g.IsSpace) continue;
            if (runs.Count > 0 && g.Left - runs[^1].Right < RunGapEms * g.Size)
            {
                runs[^1] = (runs[^1].Left, Math.Max(runs[^1].Right, g.Right));
                continue;
            }

            runs.Add((g.Left, g.Right));
        }

        return runs;
    }
}
