using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Numbers as time limits write them: Arabic (half- or full-width), digit-by-digit Chinese for years (二〇二二) and
/// positional Chinese for months and days (十二, 三十一). Allocation-free; -1 when not a number.
/// </summary>
internal static class DeadlineNumerals
{
    /// <summary>A month or day number (0–99), or -1.</summary>
    public static int ParseSmall(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 3) return -1;
        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length > 2 ? -1 : ChineseNumerals.ParseDigitByDigit(s);
        }

        // [a]十[b]: 十 = 10, 十二 = 12, 二十 = 20, 三十一 = 31.
        var tens = 1;
        if (ten == 1)
        {
            tens = Digit(s[0]);
        }
        else if (ten > 1)
        {
            return -1;
        }

        var ones = 0;
        var rest = s[(ten + 1)..];
        if (rest.Length > 1) return -1;
        if (rest.Length == 1) ones = Digit(rest[0]);
        return tens <= 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    /// <summary>A four-digit year written digit by digit (2022, ２０２２, 二〇二二), or -1.</summary>
    public static int ParseYear(ReadOnlySpan<char> s) => s.Length == 4 ? ChineseNumerals.ParseDigitByDigit(s) : -1;

    /// <summary>True for any character <see cref="Digit"/> reads, plus 十 and 百 (positional markers).</summary>
    public static bool IsNumeral(char c) => Digit(c) >= 0 || c is '十' or '百';

    /// <summary>The value of one digit character, or -1.</summary>
    public static int Digit(char c) => ChineseNumerals.Digit(c);
}
