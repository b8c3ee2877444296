namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Responsibility tables copied from web pages often arrive one cell per line ("序号" / "工作任务" / "牵头单位" / "配合单位",
/// then "1" / "加快信息网络设施改造提升…" / "市经信委" / "市网络经济局、…"), with blank lines between cells, empty cells
/// lost and header cells broken in two ("责任" / "领导", "市政府" / "分管领导"). Such a table is given back one row per
/// line with tabs between its cells, so the table reader reads it as any flattened table; every other line of the table
/// (blank lines, section headings) is emptied and lines outside tables are left as they were.
/// </summary>
/// <remarks>
/// Blank lines cannot tell where a row ends (an empty cell is a blank line too), so rows are cut by what the cells say:
/// a row starts at its number (when the table has a 序号 column), and a row ends once its unit or time cells are followed
/// by text. Section headings (一、… / （一）…) between rows are dropped.
/// </remarks>
internal static class StackedTables
{
    /// <summary>No header cell is longer (具体工作措施和要求 is 9 characters).</summary>
    private const int MaxHeaderCell = 14;

    /// <summary>More header fragments than this are not a table header.</summary>
    private const int MaxHeaderFragments = 24;

    /// <summary>A header spans at most this many lines, blank ones included (every line is tried as a header's start).</summary>
    private const int MaxHeaderLines = MaxHeaderFragments * 4;

    public static List<string> Tabify(List<string> lines)
    {
        List<string>? result = null;
        var i = 0;
        while (i < lines.Count)
        {
            if (!TryReadHeader(lines, i, out var header, out var layout, out var rowsFrom))
            {
                i++;
                continue;
            }

            result ??= [.. lines];
            i = Rewrite(lines, result, i, header, layout!, rowsFrom);
        }

        return result ?? lines;
    }

    /// <summary>The cell a line holds: trimmed, without the '|' a pipe-flattened table leaves after each cell; null for a tabbed line.</summary>
    private static string? Cell(string line)
    {
        if (line.Contains('\t')) return null;
        if (line.Length > 0 && line[^1] is not ('|' or ' ' or '\u3000') && !char.IsWhiteSpace(line[0])) return line;
        return line.Trim().TrimEnd('|', ' ', '\u3000').Trim();
    }

    /// <summary>
    /// Reads a header of one-cell lines starting at <paramref name="start"/>. Fragments are joined when the first is not a
    /// header word on its own (市政府 + 分管领导) or the second is a bare head noun (责任 + 领导, 主要 + 任务).
    /// </summary>
    private static bool TryReadHeader(List<string> lines, int start, out List<string> header, out TableLayout? layout, out int rowsFrom)
    {
        header = null!; // only read when a header is found: every line of every document is tried here, unallocated
        layout = null;
        rowsFrom = start;
        if (lines[start].Length is 0 or > MaxHeaderCell * 2) return false; // most lines: prose, not a header cell
        var first = Cell(lines[start]);
        if (string.IsNullOrEmpty(first) || first.Length > MaxHeaderCell || UnitShape.IsSectionHeading(first)) return false;
        var firstKind = TableLayout.KindOf(first);
        if (firstKind is TableColumn.Unknown) return false;
        header = [];

        // The fragments: consecutive one-cell lines, blank lines between them skipped.
        var fragments = new List<(string Text, int Line)>();
        var j = start;
        var numberFollows = false;
        var stop = Math.Min(lines.Count, start + MaxHeaderLines);
        for (; j < stop && fragments.Count < MaxHeaderFragments; j++)
        {
            var cell = Cell(lines[j]);
            if (cell is null) break;
            if (cell.Length == 0) continue;
            numberFollows = UnitShape.IsItemNumber(cell);
            if (cell.Length > MaxHeaderCell || UnitShape.IsSectionHeading(cell) || numberFollows || EndsSentence(cell)) break;
            fragments.Add((cell, j));
        }

        var known = 0;
        var units = false;
        var unknown = 0;
        var end = start;
        for (var k = 0; k < fragments.Count; k++)
        {
            var text = fragments[k].Text;
            var kind = TableLayout.KindOf(text);
            if (k + 1 < fragments.Count)
            {
                var next = fragments[k + 1].Text;
                var joined = text + next;
                var joinedKind = TableLayout.KindOf(joined);
                if (joinedKind != TableColumn.Unknown && (kind == TableColumn.Unknown || IsHeadNoun(next)))
                {
                    text = joined;
                    kind = joinedKind;
                    k++;
                }
            }

            if (kind == TableColumn.Unknown)
            {
                // A word we do not know (是否达序, 1-10月推进情况) is a column we do not read.
                unknown++;
                header.Add("");
                continue;
            }

            known++;
            units |= kind is TableColumn.Lead or TableColumn.Responsible or TableColumn.Support;
            header.Add(text);
            end = fragments[k].Line + 1;
        }

        if (numberFollows)
        {
            end = j; // the first row's number ends the header, unknown words before it included (第二季度, 完成情况)
        }
        else
        {
            // Unknown words after the last header word are the first cells of the table.
            while (header.Count > 0 && header[^1].Length == 0)
            {
                header.RemoveAt(header.Count - 1);
                unknown--;
            }
        }

        if (known < 3 || !units || unknown * 2 > known) return false;
        layout = TableLayout.TryRead([.. header], out _);
        rowsFrom = end;
        return layout is not null;
    }

    /// <summary>Writes the header and the rows below it as tabbed lines; returns the index of the first line after the table.</summary>
    private static int Rewrite(List<string> lines, List<string> result, int start, List<string> header, TableLayout layout, int rowsFrom)
    {
        for (var k = start; k < rowsFrom; k++) result[k] = "";
        result[start] = string.Join('\t', header);
        var numbered = layout.ItemIndex == 0;
        var maxCells = header.Count + 3;

        List<string>? row = null;
        var rowLine = -1;
        var sawUnits = false;
        var sawTime = false;
        var j = rowsFrom;
        for (; j < lines.Count; j++)
        {
            var cell = Cell(lines[j]);
            if (cell is null) break; // a tabbed line: another kind of table
            if (cell.Length == 0)
            {
                result[j] = "";
                continue;
            }

            if (TryReadHeader(lines, j, out _, out _, out _)) break; // the header repeated, or another table

            var afterNumber = row is { Count: 1 } && UnitShape.IsItemNumber(row[0]) && ResponsibilityTableReader.IsTaskAfterNumber(layout, cell);
            var isUnits = !afterNumber && !UnitShape.IsTimeLike(cell) && ResponsibilityTableReader.LooksLikeUnitCell(cell);
            var isTime = !isUnits && UnitShape.IsTimeLike(cell);
            if (UnitShape.IsSectionHeading(cell) && (row is null || sawUnits || sawTime))
            {
                // A section heading between rows: not a cell.
                Flush();
                result[j] = "";
                continue;
            }

            // Page-number removal may have taken a row's lone number, so text after units starts a row too.
            var starts = row is null || (numbered && UnitShape.IsItemNumber(cell)) || (!isUnits && !isTime && (sawUnits || sawTime));

            if (!starts && row is not null && row.Count >= maxCells) break; // past the table

            if (starts)
            {
                Flush();
                row = [];
                rowLine = j;
            }

            row!.Add(cell);
            sawUnits |= isUnits;
            sawTime |= isTime;
            result[j] = "";
        }

        Flush();
        return j;

        void Flush()
        {
            if (row is null) return;

            // A row whose number was taken for a page number opens with an empty 序号 cell, so it is not read as the
            // continuation of the row above.
            if (numbered && !UnitShape.IsItemNumber(row[0])) row.Insert(0, "");
            result[rowLine] = row.Count == 1 ? row[0] + "\t" : string.Join('\t', row);
            row = null;
            sawUnits = false;
            sawTime = false;
        }
    }

    /// <summary>Nouns that end a header cell broken over two lines: 责任 / 领导, 主要 / 任务, 牵头 / 单位.</summary>
    private static bool IsHeadNoun(string s) =>
        s is "领导" or "单位" or "部门" or "科室" or "处室" or "机构" or "任务" or "内容" or "名称" or "时限" or "时间" or "措施";

    private static bool EndsSentence(string s) => s[^1] is '。' or '；' or ';' or '，' or ',' or '！' or '？';
}
