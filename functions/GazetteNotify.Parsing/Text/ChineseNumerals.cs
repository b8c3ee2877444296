namespace GazetteNotify.Parsing.Text;

/// <summary>Chinese numerals as dates write them: 二〇二二 (digit by digit), 十二, 二十一, 三十.</summary>
public static class ChineseNumerals
{
    /// <summary>Parses Arabic digits, digit-by-digit Chinese (二〇二二) or positional Chinese (二十一). Null when not a number.</summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty) return null;
        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        if (!s.Contains('十') && !s.Contains('百'))
        {
            var value = ParseDigitByDigit(s);
            return value < 0 ? null : value;
        }

        // Positional: [a]十[b], up to 99 (enough for months, days and item numbers), and 一百… rarely.
        var total = 0;
        var current = 0;
        foreach (var c in s)
        {
            if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                var d = Digit(c);
                if (d < 0) return null;
                current = d;
            }
        }

        return total + current;
    }

    /// <summary>Digits read one by one (2022, ２０２２, 二〇二二) without 十/百; -1 when any character is not a digit.</summary>
    public static int ParseDigitByDigit(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 9) return -1;
        var value = 0;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d < 0) return -1;
            value = value * 10 + d;
        }

        return value;
    }

    /// <summary>The value of one digit character (Arabic, full-width or Chinese), or -1.</summary>
    public static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '〇' or '○' or '零' or 'O' or 'Ｏ' => 0,
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
