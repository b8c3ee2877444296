using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// The year of a phrase written without one (6月底前, 下半年): the nearest year written earlier in the same sentence
/// (2021年上半年完成…，下半年通过… → 2021), else the anchor's year, rolled one year on when the limit's month is
/// already past at the anchor (signed 2022-11-20, 3月底前 → 2023; the anchor's own month stays in its year).
/// </summary>
internal static class YearResolver
{
    /// <summary>The year for a yearless phrase starting at <paramref name="index"/> whose limit falls in <paramref name="month"/>.</summary>
    public static int Resolve(string text, int index, int month, DateOnly anchor) =>
        SentenceYear(text, index, anchor) ?? (month < anchor.Month ? anchor.Year + 1 : anchor.Year);

    /// <summary>
    /// The last year written before <paramref name="index"/> in its sentence, outside 《》 (a title's years name the
    /// title, not the sentence's time); 今年/本年 is the anchor's year, 明年/来年 the next. Null when none.
    /// </summary>
    public static int? SentenceYear(string text, int index, DateOnly anchor)
    {
        var from = PhraseContext.SentenceStart(text, index);
        if (from >= index) return null;
        var sentence = text.AsSpan(from, index - from);
        int? year = null;
        var depth = 0;
        var scanned = 0;
        foreach (var mention in DeadlinePatterns.YearMentionRegex().EnumerateMatches(sentence))
        {
            depth += TitleDepthChange(sentence[scanned..mention.Index]);
            scanned = mention.Index;
            if (depth > 0) continue;
            var value = sentence.Slice(mention.Index, mention.Length);
            var mentioned = value[0] switch
            {
                '今' or '本' => anchor.Year,
                '明' or '来' => anchor.Year + 1,
                _ => DeadlineNumerals.ParseYear(value[..4]),
            };
            if (mentioned is >= CalendarLimits.MinYear and <= CalendarLimits.MaxYear) year = mentioned;
        }

        return year;
    }

    private static int TitleDepthChange(ReadOnlySpan<char> s)
    {
        var change = 0;
        foreach (var c in s)
        {
            if (c == '《') change++;
            else if (c == '》') change--;
        }

        return change;
    }
}
