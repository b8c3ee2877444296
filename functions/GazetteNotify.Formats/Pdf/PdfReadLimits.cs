namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// How much of one PDF is read. PdfPig has no cancellation and reads a page at a time, so the bounds are checked
/// between pages: at most <see cref="MaxPages"/> pages, <see cref="MaxLetters"/> letters in all and
/// <see cref="MaxDuration"/> of reading. A hostile PDF can still spend as long as one page takes to interpret (one
/// content stream; PdfPig's own MaxStackDepth bounds nesting) beyond the time budget, but never a worker's whole day.
/// What is read up to the bound is kept, with a warning naming the page it stopped at.
/// </summary>
/// <param name="MaxPages">The largest printed issues have ~150 pages.</param>
/// <param name="MaxLetters">A dense two-column gazette page holds ~3,000 letters; this is ~1,000 such pages.</param>
/// <param name="MaxDuration">Real issues read in well under a second a page.</param>
public sealed record PdfReadLimits(int MaxPages, int MaxLetters, TimeSpan MaxDuration)
{
    public static PdfReadLimits Default { get; } = new(MaxPages: 500, MaxLetters: 3_000_000, MaxDuration: TimeSpan.FromSeconds(60));
}
