using System.Text;

namespace GazetteNotify.Parsing.Documents;

/// <summary>
/// What a reminder quotes of a task: the item's text with its numbering and responsibility clause, whitespace
/// collapsed, cut at a sentence end near <see cref="MaxLength"/> characters.
/// </summary>
internal static class TaskExcerpt
{
    public const int MaxLength = 240;

    public static string Of(string itemText)
    {
        var sb = new StringBuilder(Math.Min(itemText.Length, MaxLength + 1));
        var space = false;
        foreach (var c in itemText)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space && IsAsciiWordChar(c) && sb.Length > 0 && IsAsciiWordChar(sb[^1])) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (sb.Length > MaxLength) break;
        }

        if (sb.Length <= MaxLength) return sb.ToString();
        var text = sb.ToString(0, MaxLength);
        var cut = text.LastIndexOfAny(['。', '；', '！', '？']);
        return cut >= MaxLength / 2 ? text[..(cut + 1)] + "…" : text + "…";
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
