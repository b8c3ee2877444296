namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// One printed letter as the layout code needs it: its text (radicals already folded), where it sits on its baseline
/// (PDF points, y upwards) and its size in points, the unit of every distance we measure in ems.
/// </summary>
internal readonly record struct Glyph(string Text, double Left, double Right, double Baseline, double Size)
{
    public bool IsSpace => string.IsNullOrWhiteSpace(Text);

    public double Center => (Left + Right) / 2;

    /// <summary>The middle of the letter's height: what decides which table cell a letter is in.</summary>
    public double Middle => Baseline + Size * 0.35;

    public double Top => Baseline + Size * 0.85;

    public double Bottom => Baseline - Size * 0.2;
}
