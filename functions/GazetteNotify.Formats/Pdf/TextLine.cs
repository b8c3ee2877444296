namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// One printed line: its letters and text, and the left and right edges of the column (or page width) it is set in,
/// which tell whether it runs on into the next line (it reaches the right edge) or starts a paragraph (it is indented).
/// </summary>
internal sealed class TextLine : PageItem
{
    public TextLine(IReadOnlyList<Glyph> glyphs)
    {
        Glyphs = glyphs;
        Text = GlyphSpacing.Join(glyphs);
        var ink = glyphs.Where(g => !g.IsSpace).ToList();
        if (ink.Count == 0) ink = [.. glyphs];
        Left = ink.Min(g => g.Left);
        Right = ink.Max(g => g.Right);
        Baseline = ink.Max(g => g.Baseline);
        Size = Median(ink.Select(g => g.Size));
        Top = ink.Max(g => g.Top);
        Bottom = ink.Min(g => g.Bottom);
    }

    public IReadOnlyList<Glyph> Glyphs { get; }

    public string Text { get; }

    public double Baseline { get; }

    public double Size { get; }

    /// <summary>Left edge of the column or band the line is set in (set by <see cref="PageLayout"/>).</summary>
    public double ColumnLeft { get; set; }

    /// <summary>Right edge of the column or band the line is set in.</summary>
    public double ColumnRight { get; set; }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }

    public override string ToString() => Text;
}
