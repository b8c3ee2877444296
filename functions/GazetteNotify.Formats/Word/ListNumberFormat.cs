using System.Globalization;
using System.Text;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// A list counter written the way Word shows it for a level's w:numFmt (decimal 3, chineseCounting 三, ideographTraditional
/// 丙, decimalEnclosedCircle ③…). The formats are matched by their XML names, so a format the SDK adds later still reads.
/// Any format not known here falls back to decimal: a number the parser can read beats no number at all.
/// </summary>
internal static class ListNumberFormat
{
    /// <summary>Digits written one by one (ideographDigital: 10 → 一〇) and in counting numerals (105 → 一百零五).</summary>
    private const string HanDigits = "〇一二三四五六七八九";
    private const string CountingDigits = "零一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    public static string Format(int value, string? numFmt) => numFmt switch
    {
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "japaneseCounting"
            => ChineseCounting(value, CountingDigits, "十", "百", "千", "万", tenAlone: true),
        "chineseLegalSimplified" => ChineseCounting(value, LegalDigits, "拾", "佰", "仟", "万", tenAlone: false),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" => Digitwise(value, HanDigits),
        "ideographTraditional" => Cycle(value, HeavenlyStems),
        "ideographZodiac" => Cycle(value, EarthlyBranches),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" or "ideographEnclosedCircle" => Enclosed(value, '\u2460', 20),
        "decimalEnclosedParen" => Enclosed(value, '\u2474', 20),
        "decimalEnclosedFullstop" => Enclosed(value, '\u2488', 20),
        "decimalFullWidth" or "decimalFullWidth2" => Digitwise(value, "０１２３４５６７８９"),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "upperLetter" => Letters(value, 'A'),
        "lowerLetter" => Letters(value, 'a'),
        "upperRoman" => Roman(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "none" or "bullet" => "",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Chinese counting numerals: 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五; past 9,999 the 万 groups repeat.</summary>
    private static string ChineseCounting(int value, string digits, string ten, string hundred, string thousand, string tenThousand, bool tenAlone)
    {
        if (value <= 0) return value.ToString(CultureInfo.InvariantCulture);
        if (value >= 10_000)
        {
            var rest = value % 10_000;
            var head = ChineseCounting(value / 10_000, digits, ten, hundred, thousand, tenThousand, tenAlone) + tenThousand;
            if (rest == 0) return head;
            return head + (rest < 1000 ? digits[0].ToString() : "") + ChineseCounting(rest, digits, ten, hundred, thousand, tenThousand, tenAlone: false);
        }

        var units = new[] { thousand, hundred, ten, "" };
        var divisors = new[] { 1000, 100, 10, 1 };
        var sb = new StringBuilder();
        var zeroPending = false;
        for (var i = 0; i < 4; i++)
        {
            var digit = value / divisors[i] % 10;
            if (digit == 0)
            {
                zeroPending = sb.Length > 0;
                continue;
            }

            if (zeroPending) sb.Append(digits[0]);
            zeroPending = false;
            // 十一, not 一十一: a leading ten is written alone (the legal 壹拾壹 keeps its digit).
            if (!(tenAlone && i == 2 && digit == 1 && sb.Length == 0)) sb.Append(digits[digit]);
            sb.Append(units[i]);
        }

        return sb.ToString();
    }

    private static string Digitwise(int value, string digits)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c is >= '0' and <= '9' ? digits[c - '0'] : c);
        return sb.ToString();
    }

    private static string Cycle(int value, string symbols) => value <= 0 ? value.ToString(CultureInfo.InvariantCulture) : symbols[(value - 1) % symbols.Length].ToString();

    private static string Enclosed(int value, char first, int count) =>
        value >= 1 && value <= count ? ((char)(first + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Word's letters: A…Z, then AA, BB… (the letter repeated, not spreadsheet columns).</summary>
    private static string Letters(int value, char a) =>
        value <= 0 ? value.ToString(CultureInfo.InvariantCulture) : new string((char)(a + (value - 1) % 26), (value - 1) / 26 + 1);

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000) return value.ToString(CultureInfo.InvariantCulture);
        ReadOnlySpan<int> numbers = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var sb = new StringBuilder();
        for (var i = 0; i < numbers.Length; i++)
        {
            while (value >= numbers[i])
            {
                sb.Append(symbols[i]);
                value -= numbers[i];
            }
        }

        return sb.ToString();
    }
}
