using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// What the printed page adds around the text and PDF extraction keeps inline: running headers (聊城市人民政府公报
/// 2022年第6期) and page numbers (12, — 12 —, ·12·, 第12页). They are blanked so that a sentence broken by a page turn
/// rejoins across them.
/// </summary>
internal static partial class PageFurniture
{
    public static int Blank(string[] lines, int from, string gazetteTitle)
    {
        var squashedTitle = gazetteTitle.Length > 0 ? TextShape.Squash(gazetteTitle) : null;
        var blanked = 0;
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.Length > 40 || line.Contains('\t')) continue;
            if (PageNumber().IsMatch(line) || squashedTitle is not null && IsRunningHeader(line, squashedTitle))
            {
                lines[i] = "";
                blanked++;
            }
        }

        return blanked;
    }

    private static bool IsRunningHeader(string line, string squashedTitle)
    {
        if (!line.StartsWith(squashedTitle[0]) || !TextShape.Squash(line).StartsWith(squashedTitle, StringComparison.Ordinal)) return false;
        return HeaderTail().IsMatch(TextShape.Squash(line)[squashedTitle.Length..]);
    }

    [GeneratedRegex(@"^[\-—–·•\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[\-—–·•\s]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:(?:19|20)\d\d年?)?(?:第\d{1,3}(?:[-－—~]\d{1,3})?期)?(?:（总第\d{1,4}(?:[-－—~]\d{1,4})?期）)?$")]
    private static partial Regex HeaderTail();
}
