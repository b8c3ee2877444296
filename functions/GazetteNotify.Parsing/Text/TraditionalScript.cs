using System.Text;
using ICU4N.Text;

namespace GazetteNotify.Parsing.Text;

/// <summary>
/// Copies of documents on mirror sites (and Hong Kong or Taiwan reprints) are in traditional characters: 關於、責任單位、
/// 牽頭. They are read as simplified, so that titles, 发文字号 and unit names match what every other copy, the
/// departments directory and subscribers' keywords say. The conversion is ICU's Traditional-Simplified transform; the
/// upload itself keeps its bytes.
/// </summary>
public static class TraditionalScript
{
    /// <summary>
    /// A text is a traditional copy when more than this share of its ideographs lie outside GB2312 (the simplified
    /// national set). Measured on the corpus: simplified texts 0.000–0.010 (rare names, 堃 or 琛), traditional copies 0.31–0.46.
    /// </summary>
    private const double TraditionalShare = 0.1;

    /// <summary>How many ideographs (about two pages) are enough to tell.</summary>
    private const int SampleSize = 4000;

    private const int FirstIdeograph = 0x3400;

    private const int LastIdeograph = 0x9FFF;

    /// <summary>Which ideographs GB2312 lacks, from the code page itself: no hand-made list of traditional forms.</summary>
    private static readonly Lazy<bool[]> OutsideGb2312 = new(BuildOutsideGb2312);

    /// <summary>Loading ICU's transform data takes a fraction of a second, so only a traditional text pays for it.</summary>
    private static readonly Lazy<Transliterator> ToSimplified = new(() => Transliterator.GetInstance("Traditional-Simplified"));

    /// <summary>ICU transliterators keep state while they run; one conversion at a time.</summary>
    private static readonly Lock Gate = new();

    /// <summary>Whether the lines are a traditional-character copy.</summary>
    public static bool IsTraditional(IReadOnlyList<string> lines)
    {
        var outside = OutsideGb2312.Value;
        long ideographs = 0, traditional = 0;
        foreach (var line in lines)
        {
            // A copy is converted whole or not at all, so its first few thousand ideographs decide.
            if (ideographs >= SampleSize) break;
            foreach (var c in line)
            {
                if (c is < (char)FirstIdeograph or > (char)LastIdeograph) continue;
                ideographs++;
                if (outside[c - FirstIdeograph]) traditional++;
            }
        }

        return ideographs > 0 && traditional > ideographs * TraditionalShare;
    }

    /// <summary>Rewrites each line in simplified characters, in place; returns how many characters changed.</summary>
    public static int Simplify(string[] lines)
    {
        var changed = 0;
        lock (Gate)
        {
            var transform = ToSimplified.Value;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                var simplified = transform.Transliterate(lines[i]);
                if (string.Equals(simplified, lines[i], StringComparison.Ordinal)) continue;
                changed += Differences(lines[i], simplified);
                lines[i] = simplified;
            }
        }

        return changed;
    }

    /// <summary>One text in simplified characters (a text already simplified comes back as it was).</summary>
    public static string Simplified(string text)
    {
        if (text.Length == 0) return text;
        lock (Gate) return ToSimplified.Value.Transliterate(text);
    }

    private static int Differences(string before, string after)
    {
        if (before.Length != after.Length) return Math.Max(before.Length, after.Length);
        var count = 0;
        for (var k = 0; k < before.Length; k++)
        {
            if (before[k] != after[k]) count++;
        }

        return count;
    }

    private static bool[] BuildOutsideGb2312()
    {
        // A character GB2312 cannot encode comes out as the replacement '?'.
        var gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(20936, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback)
            ?? throw new InvalidOperationException("the GB2312 code page is not available");
        var outside = new bool[LastIdeograph - FirstIdeograph + 1];
        Span<char> one = stackalloc char[1];
        Span<byte> bytes = stackalloc byte[4];
        for (var c = FirstIdeograph; c <= LastIdeograph; c++)
        {
            one[0] = (char)c;
            var written = gb2312.GetBytes(one, bytes);
            outside[c - FirstIdeograph] = written == 1 && bytes[0] == (byte)'?';
        }

        return outside;
    }
}
