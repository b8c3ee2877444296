using System.Text;
using System.Text.RegularExpressions;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// Drops what every page prints around the text: page numbers (3, — 3 —, - 3 -, ·3·, 第3页, 3/50) in the top or bottom
/// strip of a page, and running headers or footers (聊城市人民政府公报, 2019年第8期) — a line in that strip, no larger
/// than the body text, that recurs at the same height on other pages with only its digits changed. A document's own
/// header (聊城市人民政府文件) is larger than the body text, and a signature or date at the foot of a page does not sit at
/// the very same height on other pages: both stay.
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
        var candidates = new List<(ReadPage Page, TextLine Line, string Key)>();
        foreach (var page in pages)
        {
            foreach (var line in page.Items.OfType<TextLine>())
            {
                if (line.Bottom < page.Height * (1 - StripShare) && line.Top > page.Height * StripShare) continue;
                candidates.Add((page, line, Key(line.Text)));
            }
        }

        var byKey = candidates.ToLookup(c => c.Key);
        foreach (var (page, line, key) in candidates)
        {
            var repeated = line.Size <= bodySize * 1.1
                && byKey[key].Any(other => other.Page != page && Math.Abs(other.Line.Baseline - line.Baseline) <= SameHeight);
            if (IsPageNumber(line.Text) || repeated) page.Items.Remove(line);
        }
    }

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
