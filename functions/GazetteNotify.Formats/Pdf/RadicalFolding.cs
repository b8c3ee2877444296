using System.Globalization;
using System.Text;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// Folds CJK radical code points back to the ideographs they stand for. PDF producers that embed a CJK font as Type 3
/// (Chromium with Noto Sans CJK, some typesetters) write a ToUnicode map built from the font's cmap, which maps radicals
/// and ideographs to the same glyph: the lowest code point wins, so 人民门 comes back as ⼈⺠⻔ and the parser would
/// find no 人民政府 and no 部门.
/// </summary>
internal static class RadicalFolding
{
    private static readonly Dictionary<int, string> Equivalents = Load();

    /// <summary>True for a code point in the Kangxi Radicals or CJK Radicals Supplement block.</summary>
    public static bool IsRadical(char c) => c is >= '\u2E80' and <= '\u2EFF' or >= '\u2F00' and <= '\u2FDF';

    /// <summary>The text with every radical that has an equivalent ideograph replaced by it; other text unchanged.</summary>
    public static string Fold(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u2E80', '\u2FDF')) return text;
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (IsRadical(c) && Equivalents.TryGetValue(c, out var ideograph)) sb.Append(ideograph);
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private static Dictionary<int, string> Load()
    {
        var map = new Dictionary<int, string>(400);
        foreach (var entry in RadicalEquivalents.Entries.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var line in entry.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var radical = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var ideograph = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                map[radical] = char.ConvertFromUtf32(ideograph);
            }
        }

        return map;
    }
}
