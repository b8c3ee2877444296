namespace GazetteNotify.Parsing.Text;

/// <summary>
/// Some sites (and some copy-and-paste) flatten a whole document onto one line, leaving a single space where each line
/// break was: `河南省人民政府 关于明确…的通知 豫政〔2023〕5号 现将…`. Chinese prose has no spaces between words, so a space
/// between two Chinese characters or marks in such a line is a lost line break, and the line is split there again.
/// Spaces inside brackets and after a list separator (、，；) stay: they are a typist's, inside one clause.
/// </summary>
public static class FlattenedLines
{
    /// <summary>A line this long with this many such spaces is a flattened text; no real paragraph has either.</summary>
    private const int MinimumLength = 300;

    private const int MinimumBreaks = 3;

    /// <summary>The lines with every flattened line split at its lost line breaks (the same array when none is).</summary>
    public static string[] Restore(string[] lines)
    {
        List<string>? restored = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length < MinimumLength || LostBreaks(line) is not { Count: >= MinimumBreaks } breaks)
            {
                restored?.Add(line);
                continue;
            }

            restored ??= [.. lines.AsSpan(0, i)];
            var start = 0;
            foreach (var (at, length) in breaks)
            {
                restored.Add(line[start..at]);
                start = at + length;
            }

            restored.Add(line[start..]);
        }

        return restored is null ? lines : [.. restored];
    }

    /// <summary>
    /// Chinese text or a mark ends the line before a lost break — but not a list separator (、，；), nor the colon of a
    /// short label (责任单位： 市财政局); the colon of an addressee list (各县（市、区）人民政府，…： ) does.
    /// </summary>
    private static bool EndsLine(char c, int segment) => c switch
    {
        '、' or '，' or ',' or '；' or ';' => false,
        '：' or ':' => segment > 8,
        _ => c > '\u007f' || c == ')',
    };

    /// <summary>
    /// Chinese text, a mark or an opening bracket ((一)) starts the line after it; a digit only after the end of a
    /// sentence (…场景。 2.落实…), since 威海市商务局 2017 年 is a typist's spacing around a number.
    /// </summary>
    private static bool StartsLine(char c, char before) => c > '\u007f' || c == '(' || (char.IsAsciiDigit(c) && before is '。' or '）' or ')' or '！' or '？' or '”');

    /// <summary>Each run of spaces between two non-ASCII characters, outside brackets and not after a separator.</summary>
    private static List<(int At, int Length)> LostBreaks(string line)
    {
        var breaks = new List<(int, int)>();
        var depth = 0;
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (c is '（' or '(' or '〔' or '【' or '《') depth++;
            else if (c is '）' or ')' or '〕' or '】' or '》') depth = Math.Max(0, depth - 1);
            if (c is not (' ' or '\u3000' or '\u00a0') || k == 0) continue;
            var end = k;
            while (end < line.Length && line[end] is ' ' or '\u3000' or '\u00a0') end++;
            var segment = k - (breaks.Count > 0 ? breaks[^1].Item1 : 0);
            if (end < line.Length && depth == 0 && EndsLine(line[k - 1], segment) && StartsLine(line[end], line[k - 1]))
            {
                breaks.Add((k, end - k));
            }

            k = end - 1;
        }

        return breaks;
    }
}
