namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Reads the parts of a phrase a <see cref="DeadlinePatterns"/> form has already recognised, so no capture groups
/// (and no <c>Match</c> objects) are needed. The regex guarantees the shape; this only walks it.
/// </summary>
internal static class PhraseReader
{
    /// <summary>The parts of <paramref name="phrase"/> (spaces trimmed at the end) of the given form.</summary>
    public static PhraseParts Read(ReadOnlySpan<char> phrase, PhraseForm form)
    {
        var parts = PhraseParts.Empty;
        var i = 0;
        parts.HasTo = ReadTo(phrase, ref i);
        switch (form)
        {
            case PhraseForm.Month:
                ReadYearPart(phrase, ref i, ref parts);
                ReadMonth(phrase, ref i, ref parts);
                parts.HasSuffix = EndsWithSuffix(phrase, period: false);
                break;
            case PhraseForm.YearEnd:
                ReadYearPart(phrase, ref i, ref parts);
                parts.Month = 12;
                parts.HasSuffix = EndsWithSuffix(phrase, period: false);
                break;
            case PhraseForm.Half:
                ReadYearPart(phrase, ref i, ref parts);
                parts.Month = i < phrase.Length && phrase[i] == '上' ? 6 : 12;
                parts.HasSuffix = EndsWithSuffix(phrase, period: true);
                break;
            case PhraseForm.Quarter:
                ReadYearPart(phrase, ref i, ref parts);
                if (i < phrase.Length && phrase[i] == '第') SkipSpaces(phrase, ref i, 1);
                var quarter = i < phrase.Length ? DeadlineNumerals.Digit(phrase[i]) : -1;
                parts.Month = quarter is >= 1 and <= 4 ? quarter * 3 : -1;
                parts.HasSuffix = EndsWithSuffix(phrase, period: true);
                break;
            case PhraseForm.ThisMonth:
                parts.Qualifier = phrase[0];
                i = phrase.IndexOf('月') + 1;
                SkipSpaces(phrase, ref i, 0);
                if (i < phrase.Length && DeadlineNumerals.IsNumeral(phrase[i])) parts.Day = ReadNumber(phrase, ref i);
                parts.HasSuffix = EndsWithSuffix(phrase, period: false);
                break;
            case PhraseForm.Target:
                ReadYearPart(phrase, ref i, ref parts);
                parts.Month = 12;
                parts.HasSuffix = EndsWithSuffix(phrase, period: false);
                break;
            case PhraseForm.Recurring:
                // Only a day needs reading (每月10日前 must name a day some month has).
                i = phrase.IndexOf('月') + 1;
                if (i > 0)
                {
                    SkipSpaces(phrase, ref i, 0);
                    if (i < phrase.Length && DeadlineNumerals.IsNumeral(phrase[i])) parts.Day = ReadNumber(phrase, ref i);
                }

                parts.HasSuffix = EndsWithSuffix(phrase, period: false);
                break;
            case PhraseForm.Relative:
            default:
                break;
        }

        return parts;
    }

    private static bool ReadTo(ReadOnlySpan<char> s, ref int i)
    {
        if (s.IsEmpty || s[0] is not ('到' or '至')) return false;
        SkipSpaces(s, ref i, 1);
        return true;
    }

    /// <summary>2022年 / 二〇二二 年 → Year; 今年, 次年的, 上一年, 每年 → Qualifier. Leaves <paramref name="i"/> when absent.</summary>
    private static void ReadYearPart(ReadOnlySpan<char> s, ref int i, ref PhraseParts parts)
    {
        if (i + 4 <= s.Length && DeadlineNumerals.ParseYear(s.Slice(i, 4)) >= 0)
        {
            var j = i + 4;
            SkipSpaces(s, ref j, 0);
            if (j < s.Length && s[j] == '年')
            {
                parts.Year = DeadlineNumerals.ParseYear(s.Slice(i, 4));
                i = j;
                SkipSpaces(s, ref i, 1);
            }

            return;
        }

        if (i >= s.Length || !IsQualifier(s[i])) return;
        var k = i + 1;
        if (k < s.Length && (s[i], s[k]) is ('上', '一') or ('下', '一') or ('第', '二')) k++;
        SkipSpaces(s, ref k, 0);
        if (k >= s.Length || s[k] != '年') return;
        parts.Qualifier = s[i];
        i = k;
        SkipSpaces(s, ref i, 1);
        if (i < s.Length && s[i] == '的') SkipSpaces(s, ref i, 1);
    }

    /// <summary>6 月 [份] [底|末|15日|中旬].</summary>
    private static void ReadMonth(ReadOnlySpan<char> s, ref int i, ref PhraseParts parts)
    {
        parts.Month = ReadNumber(s, ref i);
        SkipSpaces(s, ref i, 0);
        SkipSpaces(s, ref i, 1); // 月
        if (i < s.Length && s[i] == '份') SkipSpaces(s, ref i, 1);
        if (i >= s.Length) return;
        if (s[i] is '底' or '末')
        {
            parts.AtEnd = true;
        }
        else if (DeadlineNumerals.IsNumeral(s[i]))
        {
            parts.Day = ReadNumber(s, ref i);
        }
        else if (i + 1 < s.Length && s[i + 1] == '旬')
        {
            parts.Ten = s[i];
        }
    }

    /// <summary>A month or day number; -1 when unreadable.</summary>
    private static int ReadNumber(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && i - start < 3 && DeadlineNumerals.IsNumeral(s[i])) i++;
        return DeadlineNumerals.ParseSmall(s[start..i]);
    }

    private static bool IsQualifier(char c) => c is '今' or '本' or '明' or '来' or '次' or '翌' or '同' or '当' or '去' or '上' or '下' or '第' or '每';

    private static bool EndsWithSuffix(ReadOnlySpan<char> s, bool period) =>
        !s.IsEmpty && (s[^1] is '前' or '止' || period && s[^1] == '内');

    /// <summary>Moves past <paramref name="skip"/> characters, then past spaces.</summary>
    private static void SkipSpaces(ReadOnlySpan<char> s, ref int i, int skip)
    {
        i = Math.Min(i + skip, s.Length);
        while (i < s.Length && PhraseContext.IsSpace(s[i])) i++;
    }
}
