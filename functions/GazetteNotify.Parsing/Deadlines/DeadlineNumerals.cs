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
            if (s.Length > 2) return -1;
            var value = 0;
            foreach (var c in s)
            {
                var d = Digit(c);
                if (d < 0) return -1;
                value = value * 10 + d;
            }

            return value;
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
    public static int ParseYear(ReadOnlySpan<char> s)
    {
        if (s.Length != 4) return -1;
        var value = 0;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d < 0) return -1;
            value = value * 10 + d;
        }

        return value;
    }

    /// <summary>True for any character <see cref="Digit"/> reads, plus 十 and 百 (positional markers).</summary>
    public static bool IsNumeral(char c) => Digit(c) >= 0 || c is '十' or '百';

    /// <summary>The value of one digit character, or -1.</summary>
    public static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '〇' or '○' or '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
