namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Tables copied from web pages as text often keep the '|' that ended each cell but not the one that opened the row
/// ("序号 | 目标与任务 | 牵头责任单位 | 责任单位 |", "(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府、 开发区管委会 |"),
/// or print one cell per line, each with its '|' ("牵头单位 |"). Such lines are given tabs between their cells, as the
/// table reader expects; a row of empty cells ("|||") becomes a blank line. Lines without '|' are left as they were.
/// </summary>
internal static class PipedTables
{
    public static List<string> Tabify(List<string> lines)
    {
        List<string>? result = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.Contains('|') || line.Contains('\t')) continue;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.Count('|') < 2 && trimmed[^1] != '|') continue; // a lone '|' in prose

            var cells = line.Split('|');
            var count = cells.Length;
            if (cells[^1].AsSpan().Trim().IsEmpty) count--; // the '|' closing the last cell
            var any = false;
            for (var k = 0; k < count; k++)
            {
                cells[k] = cells[k].Trim();
                any |= cells[k].Length > 0;
            }

            result ??= [.. lines];
            result[i] = !any ? "" : count == 1 ? cells[0] : string.Join('\t', cells, 0, count);
        }

        return result ?? lines;
    }
}
