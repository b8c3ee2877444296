namespace GazetteNotify.Parsing.References;

/// <summary>
/// The 发文字号 a document cites (《…》（鲁政发〔2023〕9号）), via <see cref="DocNumber"/>: normalised to 〔〕, each once,
/// in order of first mention, the document's own number left out. Numbers without a bracketed year (国令第663号,
/// 省政府令第306号) are not 发文字号 and are not matched.
/// </summary>
public static class ReferenceFinder
{
    /// <summary>An organ code is at most this long (DocNumber's own limit).</summary>
    private const int MaxCodeLength = 12;

    /// <summary>
    /// Words that run into the organ code when a number is cited without brackets (按照国办发〔2019〕11号): DocNumber takes
    /// every CJK character before the year, so these are cut off the front. No organ code starts with them.
    /// </summary>
    private static readonly string[] LeadingWords =
    [
        "根据", "按照", "依据", "依照", "参照", "对照", "遵照", "贯彻", "落实", "执行", "印发", "转发", "详见", "参见",
        "以及", "见", "和", "及", "与", "或", "即",
    ];

    /// <summary>Every doc number cited in <paramref name="text"/>, normalised, each once, in order; own number excluded.</summary>
    public static IReadOnlyList<string> FindAll(string text, string? ownDocNumber)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var own = NormaliseOwn(ownDocNumber);
        var result = new List<string>();
        foreach (var (_, _, number) in Locate(text))
        {
            if (own is not null && string.Equals(number, own, StringComparison.Ordinal)) continue;
            if (!result.Contains(number)) result.Add(number);
        }

        return result;
    }

    /// <summary>The normalised form of a document's own number (any bracket style), or null.</summary>
    internal static string? NormaliseOwn(string? ownDocNumber)
    {
        if (string.IsNullOrWhiteSpace(ownDocNumber)) return null;
        return DocNumber.TryParseWhole(ownDocNumber) ?? ownDocNumber.Trim();
    }

    /// <summary>
    /// Every doc number in the text with its position, duplicates kept. Repairs what <see cref="DocNumber"/> cannot see
    /// from one regex match: an organ code split by a line wrap (（鲁政⏎办字〔2019〕83号）) and a verb glued to the code.
    /// </summary>
    internal static List<(int Index, int Length, string Number)> Locate(string text)
    {
        var found = new List<(int, int, string)>();
        if (string.IsNullOrEmpty(text)) return found;
        foreach (var (index, length, normalised) in DocNumber.FindAll(text))
        {
            var bracket = normalised.IndexOf('〔', StringComparison.Ordinal);
            if (bracket <= 0)
            {
                found.Add((index, length, normalised));
                continue;
            }

            // The match starts with the organ code (DocNumber's pattern begins with it).
            var code = normalised.AsSpan(0, bracket);
            var head = WrappedHead(text, index, code.Length);
            var from = head.Length > 0 ? HeadStart(text, index, head.Length) : index;
            var cut = head.Length > 0 ? 0 : LeadingNoise(code);
            if (head.Length == 0 && cut == 0)
            {
                found.Add((index, length, normalised));
                continue;
            }

            var number = head.Length > 0
                ? string.Concat(head, code, normalised.AsSpan(bracket))
                : string.Concat(code[cut..], normalised.AsSpan(bracket));
            if (head.Length > 0)
            {
                // 按照⏎国办发〔2019〕11号: the wrapped head may itself be a verb; trim it from the joined code.
                var joinedCut = LeadingNoise(number.AsSpan(0, head.Length + code.Length));
                if (joinedCut > 0) number = number[joinedCut..];
            }

            from = head.Length > 0 ? from : index + cut;
            found.Add((from, index + length - from, number));
        }

        return found;
    }

    /// <summary>
    /// The CJK run ending the previous line when the code starts a new line right after it and the run opens a
    /// bracketed citation, else empty.
    /// </summary>
    private static ReadOnlySpan<char> WrappedHead(string text, int codeStart, int codeLength)
    {
        var i = codeStart - 1;
        var sawNewline = false;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '\n') sawNewline = true;
            i--;
        }

        if (!sawNewline || i < 0 || !IsIdeograph(text[i])) return [];
        var end = i + 1;
        while (i >= 0 && IsIdeograph(text[i]) && end - i <= MaxCodeLength) i--;
        // Only inside a citation's brackets (《…》（鲁政⏎办字〔2019〕83号）): elsewhere the run is a title or prose.
        if (i < 0 || text[i] is not ('（' or '(')) return [];
        var runLength = end - i - 1;
        if (runLength + codeLength > MaxCodeLength) return [];
        return text.AsSpan(i + 1, runLength);
    }

    private static int HeadStart(string text, int codeStart, int headLength)
    {
        var i = codeStart - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i + 1 - headLength;
    }

    /// <summary>How many leading characters of a code are prose glued to it: up to a 的 or 号, and verbs like 按照.</summary>
    private static int LeadingNoise(ReadOnlySpan<char> code)
    {
        var cut = code.LastIndexOfAny('的', '号') + 1; // no organ code contains 的 or 号 (…5号和聊政发〔2021〕3号)
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var w in LeadingWords)
            {
                if (code.Length - cut - w.Length >= 2 && code[cut..].StartsWith(w, StringComparison.Ordinal))
                {
                    cut += w.Length;
                    changed = true;
                    break;
                }
            }
        }

        return code.Length - cut >= 1 ? cut : 0;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
