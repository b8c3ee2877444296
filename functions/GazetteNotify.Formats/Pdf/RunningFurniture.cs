using System.Text;
using System.Text.RegularExpressions;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// Drops what every page prints around the text: page numbers (3, — 3 —, - 3 -, ·3·, 第3页, 3/50) in the top or bottom
/// strip of a page, and running headers or footers (聊城市人民政府公报, 2019年第8期) — a line in that strip, no larger
/// than the body text, that recurs at the same height on other pages with only its digits changed — either standing an
/// em or more apart from the body. A document's own header (聊城市人民政府文件) is larger than the body text, and a
/// column's last line repeating another page's sits close to the lines above it: both stay.
/// </summary>
internal static partial class RunningFurniture
{
    /// <summary>The top and bottom strips, as a share of the page height, where running headers and page numbers sit.</summary>
    private const double StripShare = 0.1;

    /// <summary>Running headers sit at the same height on every page, within this many points.</summary>
    private const double SameHeight = 2;

    public static void Remove(List<ReadPage> pages)
    {
        var bodySize = BodySize(pages);
        var strip = new List<(ReadPage Page, TextLine Line, string Key)>();
        foreach (var page in pages)
        {
            foreach (var line in page.Items.OfType<TextLine>())
            {
                if (InTopStrip(page, line) || InBottomStrip(page, line)) strip.Add((page, line, Key(line.Text)));
            }
        }

        var byKey = strip.ToLookup(c => c.Key);
        var candidates = strip
            .Where(c => IsPageNumber(c.Line.Text) || c.Line.Size <= bodySize * 1.1
                && byKey[c.Key].Any(other => other.Page != c.Page && Math.Abs(other.Line.Baseline - c.Line.Baseline) <= SameHeight))
            .ToLookup(c => c.Page, c => c.Line);
        foreach (var page in pages)
        {
            var furniture = candidates[page].ToHashSet();
            if (furniture.Count == 0) continue;
            var body = page.Items.Where(i => i is not TextLine l || !furniture.Contains(l)).ToList();
            page.Items.RemoveAll(i => i is TextLine l && furniture.Contains(l) && ApartFromBody(page, l, body));
        }
    }

    /// <summary>
    /// A running header stands apart: at least an em of blank space between it and the nearest line or table of the
    /// body. The last line of a column that happens to repeat another page's at the same height does not.
    /// </summary>
    private static bool ApartFromBody(ReadPage page, TextLine line, List<PageItem> body)
    {
        if (InTopStrip(page, line))
        {
            var below = body.Where(i => i.Top < line.Top).Select(i => i.Top).DefaultIfEmpty(double.NegativeInfinity).Max();
            return line.Bottom - below >= line.Size;
        }

        var above = body.Where(i => i.Bottom > line.Bottom).Select(i => i.Bottom).DefaultIfEmpty(double.PositiveInfinity).Min();
        return above - line.Top >= line.Size;
    }

    private static bool InTopStrip(ReadPage page, TextLine line) => line.Bottom >= page.Height * (1 - StripShare);

    private static bool InBottomStrip(ReadPage page, TextLine line) => line.Top <= page.Height * StripShare;

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:[—–\-－·•・.\s]*\d{1,4}[—–\-－·•・.\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")]
    private static partial Regex PageNumber();

    /// <summary>The text with its digits folded and spaces dropped: 2019年第8期 and 2019年第9期 are one running header.</summary>
    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(char.IsDigit(c) ? '#' : c);
        }

        return sb.ToString();
    }

    /// <summary>The size most lines of the document are set in.</summary>
    private static double BodySize(List<ReadPage> pages)
    {
        var sizes = pages.SelectMany(p => p.Items.OfType<TextLine>()).GroupBy(l => Math.Round(l.Size, 1)).OrderByDescending(g => g.Sum(l => l.Text.Length)).FirstOrDefault();
        return sizes?.Key ?? 10;
    }
}
