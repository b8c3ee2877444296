using System.Text;

namespace GazetteNotify.Parsing.Text;

/// <summary>Comparable shapes of text: PDF extraction breaks titles with spaces and mixes half- and full-width punctuation.</summary>
public static class TextShape
{
    /// <summary>Removes all whitespace and unifies brackets and colons, for comparing a title with its wrapped copy.</summary>
    public static string Squash(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            sb.Append(UnifyPunctuation(c));
        }

        return sb.ToString();
    }

    /// <summary>
    /// True when <paramref name="text"/>, squashed (<see cref="Squash"/>), is a prefix of <paramref name="squashedTarget"/>
    /// at least <paramref name="minimumLength"/> characters long. Allocation-free: runs once per line.
    /// </summary>
    public static bool SquashedIsPrefixOf(ReadOnlySpan<char> text, string squashedTarget, int minimumLength)
    {
        var j = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            if (j >= squashedTarget.Length || UnifyPunctuation(c) != squashedTarget[j]) return false;
            j++;
        }

        return j >= minimumLength;
    }

    public static char UnifyPunctuation(char c) => c switch
    {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        ',' => '，',
        '[' or '【' or '［' => '〔',
        ']' or '】' or '］' => '〕',
        '<' or '〈' => '《',
        '>' or '〉' => '》',
        '—' or '–' or '－' => '-',
        _ => c,
    };

    /// <summary>Joins two pieces of one line-wrapped sentence: no space between CJK, one space between Latin words.</summary>
    public static string JoinWrapped(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        var needsSpace = IsLatinWordChar(left[^1]) && IsLatinWordChar(right[0]);
        return needsSpace ? string.Concat(left, " ", right) : string.Concat(left, right);
    }

    /// <summary>Removes spaces that a line wrap left between CJK characters ("迎接 党的二十大" → "迎接党的二十大").</summary>
    public static string CloseCjkGaps(string s)
    {
        if (!s.Contains(' ') && !s.Contains('\u3000')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '\u3000')
            {
                var prev = sb.Length > 0 ? sb[^1] : ' ';
                var j = i;
                while (j < s.Length && s[j] is ' ' or '\u3000') j++;
                var next = j < s.Length ? s[j] : ' ';
                if (IsLatinWordChar(prev) && IsLatinWordChar(next)) sb.Append(' ');
                i = j - 1;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    public static bool IsLatinWordChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
