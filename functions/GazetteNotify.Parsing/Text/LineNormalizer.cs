using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Text;

/// <summary>
/// Text → trimmed lines with the artefacts of extraction and Markdown conversion removed, so that every later stage
/// sees one shape: CRLF/CR, form feeds, BOMs, zero-width and bidi marks, C0 and C1 controls, U+2028/U+2029, Markdown
/// headings, list bullets, bold, escapes, links, images, HTML tags and pipe tables (turned into tab-separated rows, as
/// PDF extraction gives them).
/// </summary>
public static partial class LineNormalizer
{
    /// <summary>The lines of a decoded text.</summary>
    public static string[] Normalize(string text) => Normalize(text, out _);

    public static string[] Normalize(string text, out int controlCharacters)
    {
        var lines = new List<string>(text.Length / 60 + 16);
        var span = text.AsSpan();
        var state = new LineState();
        while (!span.IsEmpty)
        {
            var end = span.IndexOfAny('\n', '\r', '\f');
            var line = end < 0 ? span : span[..end];
            lines.Add(CleanLine(line, state));
            if (end < 0) break;
            // CRLF counts as one break.
            var step = span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1;
            span = span[(end + step)..];
        }

        controlCharacters = state.Controls;
        return lines.ToArray();
    }

    /// <summary>
    /// The lines of valid UTF-8 bytes, decoded one line at a time: the whole text never exists as one string, which
    /// for a typical issue (~200 KB) would land on the large object heap and cost a gen-2 collection per upload.
    /// </summary>
    public static string[] Normalize(ReadOnlySpan<byte> utf8, out int controlCharacters)
    {
        var lines = new List<string>(utf8.Length / 150 + 16);
        var state = new LineState();
        var buffer = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            while (!utf8.IsEmpty)
            {
                var end = utf8.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\f');
                var line = end < 0 ? utf8 : utf8[..end];
                if (buffer.Length < line.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(line.Length);
                }

                var length = Encoding.UTF8.GetChars(line, buffer);
                lines.Add(CleanLine(buffer.AsSpan(0, length), state));
                if (end < 0) break;
                var step = utf8[end] == (byte)'\r' && end + 1 < utf8.Length && utf8[end + 1] == (byte)'\n' ? 2 : 1;
                utf8 = utf8[(end + step)..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        controlCharacters = state.Controls;
        return lines.ToArray();
    }

    /// <summary>Scratch space reused across lines, and the count of control characters dropped (a sign of binary).</summary>
    private sealed class LineState
    {
        public StringBuilder Builder { get; } = new(256);

        public int Controls { get; set; }
    }

    private static string CleanLine(ReadOnlySpan<char> raw, LineState state)
    {
        var line = raw.Trim(WhiteSpace);
        if (line.IsEmpty) return "";

        if (!NeedsWork(line))
        {
            return line.ToString();
        }

        var sb = state.Builder;
        sb.Clear();
        foreach (var c in line)
        {
            switch (c)
            {
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD':
                case '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                case '\u2028' or '\u2029':
                    continue; // invisible marks, and line separators no extraction means (a title must stay one line)
                case (< ' ' and not '\t') or (>= '\u007F' and <= '\u009F'):
                    state.Controls++;
                    continue; // stray control characters, C0 and C1 (DEL, NEL, CSI…)
                case '\u00A0':
                    sb.Append(' ');
                    break;
                case >= '０' and <= '９':
                    sb.Append((char)(c - '０' + '0'));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        var s = sb.ToString().Trim(WhiteSpace);
        if (s.Length == 0) return "";
        return s.Contains('|') || s.Contains('#') || s.Contains('*') || s.Contains('<') || s.Contains('\\')
               || s.Contains('[') || s.Contains('_') || s.Contains('>') || s.StartsWith('-') || s.StartsWith('+')
            ? StripMarkdown(s)
            : s;
    }

    /// <summary>
    /// Every character <see cref="CleanLine"/> drops, rewrites or reads as Markdown: C0 controls but tab, DEL and C1,
    /// zero-width and bidi marks, line separators, NBSP, soft hyphen, BOM, full-width digits, and the Markdown marks.
    /// Searched vectorised: most lines of an issue hold none of them, and this test is the hot path of decoding.
    /// </summary>
    private static readonly SearchValues<char> Work = SearchValues.Create(BuildWork());

    private static string BuildWork()
    {
        var sb = new StringBuilder("|#*<>\\[_\u00A0\uFEFF\u2028\u2029\u00AD");
        for (var c = '\0'; c < ' '; c++) if (c != '\t') sb.Append(c);
        for (var c = '\u007F'; c <= '\u009F'; c++) sb.Append(c);
        for (var c = '\u200B'; c <= '\u200F'; c++) sb.Append(c);
        for (var c = '\u202A'; c <= '\u202E'; c++) sb.Append(c);
        for (var c = '\u2060'; c <= '\u2069'; c++) sb.Append(c);
        for (var c = '０'; c <= '９'; c++) sb.Append(c);
        return sb.ToString();
    }

    private static bool NeedsWork(ReadOnlySpan<char> line) => line.ContainsAny(Work) || line[0] is '-' or '+';

    private static string StripMarkdown(string s)
    {
        // Pipe-table separator rows carry no content.
        if (TableSeparator().IsMatch(s)) return "";
        // Horizontal rules.
        if (HorizontalRule().IsMatch(s)) return "";

        s = HeadingMark().Replace(s, "");
        s = BlockQuote().Replace(s, "");
        s = Bullet().Replace(s, "");
        s = Image().Replace(s, "");
        s = Link().Replace(s, "$1");
        s = HtmlTag().Replace(s, "");
        s = Emphasis().Replace(s, "");
        s = Escape().Replace(s, "$1");
        if (FormField().Match(s) is { Success: true } field)
        {
            // A web form's field row (牵头单位: | 市城市管理综合执法局 |) is the label and its value, as a line of text.
            return field.Groups["label"].Value + field.Groups["value"].Value.Trim(WhiteSpace);
        }

        if (s.StartsWith('|') && s.EndsWith('|') && s.Length > 1)
        {
            // A pipe-table row becomes the tab-separated row PDF extraction would give.
            var cells = s[1..^1].Split('|');
            for (var i = 0; i < cells.Length; i++) cells[i] = cells[i].Trim();
            s = string.Join('\t', cells);
        }

        return s.Trim(WhiteSpace);
    }

    private static readonly char[] WhiteSpace = [' ', '\t', '\u3000', '\u00A0', '\uFEFF', '\u200B'];

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    /// <summary>A short label with its colon, then one value cell: 牵头单位: | 市城市管理综合执法局 |.</summary>
    [GeneratedRegex(@"^\|?\s*(?<label>[^|:：]{1,16}[:：])\s*\|\s*(?<value>[^|]+?)\s*\|?$")]
    private static partial Regex FormField();

    [GeneratedRegex(@"^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^#{1,6}\s+|\s+#+$")]
    private static partial Regex HeadingMark();

    [GeneratedRegex(@"^(>\s?)+")]
    private static partial Regex BlockQuote();

    /// <summary>Markdown bullets (- * +) — not "1." which is the document's own numbering.</summary>
    [GeneratedRegex(@"^[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    /// <summary>Bold and italic markers (**x**, __x__, *x*) around CJK or ASCII text.</summary>
    [GeneratedRegex(@"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|<>~])")]
    private static partial Regex Escape();
}
