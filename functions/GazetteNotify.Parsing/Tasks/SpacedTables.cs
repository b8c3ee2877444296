using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Responsibility tables copied from web pages arrive with their cells separated by spaces, not tabs:
/// "序号 重点工作任务 主要责任单位 协同配合单位" then "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门…". When a
/// line of space-separated words is the header of a table that names units, that header and every following row that
/// starts with its number are given tabs between their cells, so the table reader reads them as any flattened table.
/// Everything else is left as it was.
/// </summary>
internal static partial class SpacedTables
{
    /// <summary>Eight header words of at most nine characters (具体工作措施和要求) and their spaces.</summary>
    private const int MaxHeaderLength = 96;

    public static List<string> Tabify(List<string> lines)
    {
        List<string>? result = null;
        var inTable = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Contains('\t') || line.Length == 0) continue;
            if (!inTable)
            {
                // Every body line passes here: a line without a space is one cell, never a spaced header — no split for it.
                // A header is 3 to 8 short words; a longer line is prose with a space in it.
                if (line.Length > MaxHeaderLength || line.AsSpan().Trim().IndexOfAny(' ', '\u3000') < 0) continue;
                var words = Spaces().Split(line.Trim());
                if (words.Length < 3 || words.Length > 8 || TableLayout.TryRead(words, out _) is null) continue;
                inTable = true;
            }
            else if (!RowStart().IsMatch(line))
            {
                continue;
            }

            result ??= [.. lines];
            result[i] = Spaces().Replace(line.Trim(), "\t");
        }

        return result ?? lines;
    }

    [GeneratedRegex(@"[ \u3000]+")]
    private static partial Regex Spaces();

    /// <summary>A row: its number, then a space, then its first cell.</summary>
    [GeneratedRegex(@"^\s*\d{1,3}[ \u3000]+\S")]
    private static partial Regex RowStart();
}
