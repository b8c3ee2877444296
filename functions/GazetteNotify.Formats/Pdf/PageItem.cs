namespace GazetteNotify.Formats.Pdf;

/// <summary>What a page is read into: printed lines and ruled tables, each with its box (PDF points, y upwards).</summary>
internal abstract class PageItem
{
    public double Left { get; protected init; }

    public double Right { get; protected init; }

    public double Top { get; protected init; }

    public double Bottom { get; protected init; }
}
