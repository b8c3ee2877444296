namespace GazetteNotify.Parsing.Body;

/// <summary>
/// The heading hierarchy of a 公文: 第一章 › 一、 › （一） › 1. › （1） › ①, with 第N条 for articles and 1.1 for the
/// decimal outlines of 预案. A paragraph's leading number tells its level; the item is written as the schema wants it
/// (1, （三）, 第五条). Hand-written rather than a regex: it runs on every line, and regex groups allocate.
/// </summary>
internal static class Numbering
{
    /// <param name="Level">Depth in the hierarchy: 0 chapter, 1 一、, 2 （一）, 3 1. and 第N条, 4 （1） and 1.1, 5 ①.</param>
    /// <param name="Length">Characters the number takes, its punctuation included.</param>
    public readonly record struct Token(int Level, string Item, int Length);

    private enum Shape
    {
        None,
        Chapter,
        Article,
        Han,
        ParenthesisedHan,
        Decimal,
        Arabic,
        ParenthesisedArabic,
        Circled,
    }

    public static Token? Read(string paragraph)
    {
        var (shape, level, coreStart, coreLength, length) = Measure(paragraph);
        if (shape == Shape.None) return null;
        var core = paragraph.AsSpan(coreStart, coreLength);
        var item = shape switch
        {
            Shape.ParenthesisedHan or Shape.ParenthesisedArabic => string.Concat("（", core, "）"),
            Shape.Chapter or Shape.Article => core.ToString().Replace(" ", "", StringComparison.Ordinal),
            _ => core.ToString(),
        };
        return new Token(level, item, length);
    }

    /// <summary>Characters taken by the leading number, 0 when the paragraph is not numbered. Allocation-free.</summary>
    public static int LengthOf(string paragraph) => Measure(paragraph).Length;

    /// <summary>True when a line starts a new numbered paragraph or a dated 大事记 entry (never joined to the line before).</summary>
    public static bool StartsBlock(string line) =>
        Measure(line).Shape != Shape.None || IsDiaryEntry(line) || line.StartsWith('△') || line.StartsWith("附件", StringComparison.Ordinal);

    private static (Shape Shape, int Level, int CoreStart, int CoreLength, int Length) Measure(string s)
    {
        var i = 0;
        while (i < s.Length && s[i] is ' ' or '\u3000') i++;
        if (i >= s.Length) return default;
        var c = s[i];

        if (c == '第')
        {
            var j = i + 1;
            while (j < s.Length && s[j] == ' ') j++;
            var digits = j;
            while (j < s.Length && IsChineseOrArabicDigit(s[j])) j++;
            if (j == digits || j - digits > 6) return default;
            while (j < s.Length && s[j] == ' ') j++;
            if (j >= s.Length) return default;
            if (s[j] is '章' or '节' or '编') return (Shape.Chapter, 0, i, j + 1 - i, j + 1);
            if (s[j] == '条') return (Shape.Article, 3, i, j + 1 - i, j + 1);
            if (s[j] == '部' && j + 1 < s.Length && s[j + 1] == '分') return (Shape.Chapter, 0, i, j + 2 - i, j + 2);
            return default;
        }

        if (IsHanDigit(c))
        {
            var j = i;
            while (j < s.Length && IsHanDigit(s[j])) j++;
            if (j - i > 3) return default;
            var k = j;
            while (k < s.Length && s[k] == ' ') k++;
            return k < s.Length && s[k] is '、' or '.' or '．' ? (Shape.Han, 1, i, j - i, k + 1) : default;
        }

        if (c is '（' or '(')
        {
            var j = i + 1;
            while (j < s.Length && s[j] == ' ') j++;
            var start = j;
            var han = j < s.Length && IsHanDigit(s[j]);
            while (j < s.Length && (han ? IsHanDigit(s[j]) : char.IsAsciiDigit(s[j]))) j++;
            var digits = j - start;
            if (digits == 0 || digits > 3) return default;
            var k = j;
            while (k < s.Length && s[k] == ' ') k++;
            if (k >= s.Length || s[k] is not ('）' or ')')) return default;
            return han ? (Shape.ParenthesisedHan, 2, start, digits, k + 1) : (Shape.ParenthesisedArabic, 4, start, digits, k + 1);
        }

        if (char.IsAsciiDigit(c))
        {
            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            if (j - i > 3) return default;
            // 1.1 / 8.3 / 1.2.1 followed by a space: a decimal outline.
            var k = j;
            var dots = 0;
            while (k + 1 < s.Length && s[k] == '.' && char.IsAsciiDigit(s[k + 1]) && j - i <= 2)
            {
                k++;
                while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
                dots++;
            }

            if (dots is >= 1 and <= 3)
            {
                return k < s.Length && char.IsWhiteSpace(s[k]) ? (Shape.Decimal, 3 + dots, i, k - i, k) : default;
            }

            var m = j;
            while (m < s.Length && s[m] == ' ') m++;
            if (m >= s.Length) return default;
            if (s[m] is '、' or '．') return (Shape.Arabic, 3, i, j - i, m + 1);
            if (s[m] == '.' && (m + 1 >= s.Length || !char.IsAsciiDigit(s[m + 1]))) return (Shape.Arabic, 3, i, j - i, m + 1);
            return default;
        }

        if (c is >= '①' and <= '⑳') return (Shape.Circled, 5, i, 1, i + 1);
        return default;
    }

    /// <summary>A 大事记 entry: 4日， / 7—8日， / 30日-31日，</summary>
    private static bool IsDiaryEntry(string s)
    {
        var i = 0;
        if (!ReadDays(s, ref i)) return false;
        if (i < s.Length && s[i] is '—' or '-' or '–' or '至')
        {
            i++;
            if (!ReadDays(s, ref i)) return false;
        }

        return i < s.Length && s[i] is '，' or ',' or '、' && s.AsSpan(0, i).Contains('日');
    }

    private static bool ReadDays(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == start || i - start > 2) return false;
        while (i < s.Length && s[i] == ' ') i++;
        if (i < s.Length && s[i] == '日') i++;
        return true;
    }

    private static bool IsHanDigit(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    private static bool IsChineseOrArabicDigit(char c) => IsHanDigit(c) || char.IsAsciiDigit(c) || c is '百' or '零' or '〇';
}
