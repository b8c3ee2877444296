using System.Globalization;

namespace GazetteNotify.Reminders;

/// <summary>Small counts as the gazette writes them: 3, 15, 三, 十五, 二十, 两.</summary>
internal static class Numerals
{
    public static int? Read(string text)
    {
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两') digit = 2;
            if (digit >= 0) current = digit;
            else if (c == '十') { total += (current == 0 ? 1 : current) * 10; current = 0; }
            else if (c == '百') { total += (current == 0 ? 1 : current) * 100; current = 0; }
            else return null;
        }

        return total + current;
    }
}
