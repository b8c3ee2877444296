using UglyToad.PdfPig.Content;

namespace GazetteNotify.Formats.Pdf;

/// <summary>One PDF page → its lines and tables in reading order, from the letters and the drawn rules.</summary>
internal static class PageReader
{
    public static ReadPage Read(Page page)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            // Rotated text is a stamp, a watermark or a margin note, never the body of a gazette.
            if (letter.TextOrientation != TextOrientation.Horizontal) continue;
            var text = letter.Value;
            if (string.IsNullOrEmpty(text) || text.Length == 1 && char.IsControl(text[0]) && text[0] != '\t') continue;
            var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            if (right - left < 0.01) right = left + Math.Max(letter.Width, size * 0.5);
            glyphs.Add(new Glyph(RadicalFolding.Fold(text), left, right, letter.StartBaseLine.Y, size));
        }

        var tables = TableFinder.Find(RuleCollector.Collect(page.Paths), glyphs);
        var rows = BaselineRows.Group(glyphs);
        return new ReadPage(page.Number, page.Height, PageLayout.Order(rows, tables));
    }
}
