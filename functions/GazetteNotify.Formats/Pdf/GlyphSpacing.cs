using System.Text;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// The text of letters on one baseline. PDF has no spaces of its own: a space is written only where the gap asks for
/// one. Never between Chinese characters set close (justified CJK text stretches those gaps a little); a space between
/// Latin letters or digits at a word gap (≥ 0.2 em); a space wherever the gap is wide (≥ 1 em: 目　录, a TOC's page
/// number) or the producer drew a space glyph there (聊政发〔2019〕11号 2).
/// </summary>
internal static class GlyphSpacing
{
    private const double WordGapEms = 0.2;

    private const double WideGapEms = 1.0;

    /// <summary>
    /// A letter drawn again less than this share of its width from itself is fake bold (common in Chinese PDFs: the
    /// same glyph struck twice, a hair apart), not text; the second l of Hello starts a whole width further on.
    /// </summary>
    private const double OverprintShare = 0.5;

    /// <param name="glyphs">The letters of one line, space glyphs included, in any order.</param>
    public static string Join(IReadOnlyList<Glyph> glyphs)
    {
        var sorted = glyphs.OrderBy(g => g.Left).ToList();
        var sb = new StringBuilder(sorted.Count);
        Glyph? previous = null;
        var spaceGlyph = false;
        foreach (var g in sorted)
        {
            if (g.IsSpace)
            {
                spaceGlyph = previous is not null;
                continue;
            }

            if (previous is { } p)
            {
                var em = Math.Max(p.Size, g.Size);
                if (g.Text == p.Text && Math.Abs(g.Left - p.Left) < OverprintShare * (p.Right - p.Left))
                {
                    continue;
                }

                var gap = g.Left - p.Right;
                if (NeedsSpace(p.Text[^1], g.Text[0], gap / em, spaceGlyph)) sb.Append(' ');
            }

            sb.Append(g.Text);
            previous = g;
            spaceGlyph = false;
        }

        return sb.ToString();
    }

    private static bool NeedsSpace(char before, char after, double gapEms, bool spaceGlyph)
    {
        if (gapEms >= WideGapEms) return true;
        if (spaceGlyph && gapEms >= 0.15) return true;
        return gapEms >= WordGapEms && IsLatinOrDigit(before) && IsLatinOrDigit(after);
    }

    public static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c) || c is >= '\u00C0' and <= '\u024F';
}
