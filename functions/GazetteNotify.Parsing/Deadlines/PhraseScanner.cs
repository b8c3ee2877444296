using System.Buffers;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// Finds the phrases of <see cref="DeadlinePatterns.PhraseRegex"/> without letting the regex try every position of a
/// long paragraph. Every phrase contains a key character (月 年 季 内 每); the scanner jumps from key to key
/// (vectorised), walks back over the characters a phrase can start with (digits, 到, 今, 次年的…) and tries the
/// anchored regex only there, left to right, so the result is the same leftmost-first sequence a plain scan gives.
/// </summary>
internal static class PhraseScanner
{
    /// <summary>At least one of these is in every phrase.</summary>
    private static readonly SearchValues<char> Keys = SearchValues.Create("月年季内每");

    /// <summary>Every character that can stand in a phrase before its first key character.</summary>
    private static readonly SearchValues<char> Leading = SearchValues.Create(
        "0123456789０１２３４５６７８９〇零○一二三四五六七八九十两百半到至今本明来次翌同当去上下第每年月的个工作自然小时星期周天日季以之未后 \t\u00A0\u3000");

    /// <summary>Every character a phrase can start with: the regex is not even called elsewhere.</summary>
    private static readonly SearchValues<char> Starters = SearchValues.Create(
        "0123456789０１２３４５６７８９〇零○一二三四五六七八九十两百半到至今本明来次翌同当去上下第每年未");

    /// <summary>
    /// How far back from a key character a phrase may start (到 二〇二二 年 is 7, 十五 个 工作日 内 is 8); only spaces could
    /// make it longer, and 32 leaves room for several.
    /// </summary>
    private const int MaxLead = 32;

    /// <summary>The next phrase starting at or after <paramref name="from"/>, as (index, length); length 0 when none.</summary>
    public static (int Index, int Length) Next(string text, int from)
    {
        var regex = DeadlinePatterns.PhraseRegex();
        var tried = from;
        while (from < text.Length)
        {
            var key = text.AsSpan(from).IndexOfAny(Keys);
            if (key < 0) return default;
            key += from;

            if (text[key] == '内' && !EndsACount(text, key))
            {
                from = key + 1;
                continue;
            }

            var start = key;
            var limit = Math.Max(tried, key - MaxLead);
            while (start > limit && Leading.Contains(text[start - 1])) start--;
            for (var p = Math.Max(start, tried); p <= key; p++)
            {
                if (!Starters.Contains(text[p])) continue;
                foreach (var match in regex.EnumerateMatches(text.AsSpan(), p))
                {
                    if (match.Length > 0) return (match.Index, match.Length);
                }
            }

            tried = key + 1;
            from = key + 1;
        }

        return default;
    }

    /// <summary>
    /// Whether a 内 can be the first key character of a phrase: only a count's 内 is (3日内, 15天内, 24小时内, 一周内,
    /// 30日以内; 年内, 3个月内, 上半年内 contain an earlier key). The common 内容, 区内, 国内 are skipped without a regex call.
    /// </summary>
    private static bool EndsACount(string text, int key)
    {
        var p = key;
        while (p > 0 && IsSpace(text[p - 1])) p--;
        if (p > 0 && text[p - 1] is '以' or '之') p--;
        while (p > 0 && IsSpace(text[p - 1])) p--;
        return p > 0 && text[p - 1] is '日' or '天' or '时' or '周' or '期';
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000';
}
