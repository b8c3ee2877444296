using System.Text;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Reads responsibility tables (工作任务分解表, 责任分工表) flattened to tab-separated lines by PDF extraction.
/// </summary>
/// <remarks>
/// A table starts at a header row naming a unit column (牵头部门 / 责任单位 / 配合部门 …) and runs on through repeated
/// headers and blank lines (page breaks) until a line without tabs follows a blank line, or a header of another kind of
/// table appears. With a 序号 column, a tabbed line whose first cell is not a number continues the row above, as does a
/// line without tabs right under a row (a cell wrapped by extraction) — unless that row is already complete.
/// PDF extraction drops empty cells and so shifts later cells left: a time limit found in a unit column is taken as the
/// row's time limit, and rows with fewer or more cells than the header are aligned by what their cells look like
/// rather than by position. Group-label cells (工作任务 spanning rows) are not carried to the rows that leave them empty:
/// extraction prints the label on the middle row of its span, so carrying it forward would misattribute it.
/// </remarks>
public static class ResponsibilityTableReader
{
    private static readonly ResponsibilityRow[] None = [];

    /// <summary>
    /// Finds responsibility tables in a document's lines (tables flattened to tab-separated lines, a header row naming
    /// columns such as 序号 / 任务 / 工作任务 / 具体内容 / 责任单位 / 牵头单位 / 牵头部门 / 责任部门 / 配合单位 / 配合部门 / 完成时限 / 时间节点,
    /// repeated at page breaks) and returns their rows. Lines that are not in a table are ignored.
    /// </summary>
    public static IReadOnlyList<ResponsibilityRow> FindRows(IReadOnlyList<string> lines)
    {
        if (lines is null || lines.Count == 0) return None;

        List<ResponsibilityRow>? rows = null;
        TableLayout? layout = null;
        List<string>? cells = null; // the row being read
        var rowLine = -1;
        var gap = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? "";
            if (!line.Contains('\t'))
            {
                if (layout is null) continue;
                if (line.AsSpan().Trim().IsEmpty)
                {
                    gap = true;
                    continue;
                }

                var text = line.Trim();
                if (cells is not null && UnitShape.IsSectionHeading(text))
                {
                    // A section heading between rows (二、重点做好以下工作) ends the row, not the table.
                    Flush(layout, cells, rowLine, ref rows);
                    cells = null;
                    gap = false;
                    continue;
                }

                if (!gap && cells is not null && MayContinue(layout, cells))
                {
                    Continue(cells, text);
                    continue;
                }

                if (!gap && cells is null) continue; // text right under a header: a wrapped header cell

                Flush(layout, cells, rowLine, ref rows);
                cells = null;
                layout = null;
                continue;
            }

            var split = line.Split('\t');
            var header = TableLayout.TryRead(split, out var headerLike);
            if (header is not null || headerLike)
            {
                Flush(layout, cells, rowLine, ref rows);
                cells = null;
                layout = header; // another kind of table ends ours
                gap = false;
                continue;
            }

            if (layout is null) continue;

            if (IsHeadingRow(split))
            {
                Flush(layout, cells, rowLine, ref rows);
                cells = null;
                gap = false;
                continue;
            }

            if (cells is not null && !StartsRow(layout, split) && MayContinue(layout, cells))
            {
                // The row above goes on: its last cell was cut, the rest of its cells follow.
                cells[^1] += split[0].Trim();
                for (var k = 1; k < split.Length; k++) cells.Add(split[k]);
                gap = false;
                continue;
            }

            Flush(layout, cells, rowLine, ref rows);
            cells = new List<string>(split);
            rowLine = i;
            gap = false;
        }

        Flush(layout, cells, rowLine, ref rows);
        return rows is null ? None : rows.ToArray();
    }

    /// <summary>
    /// A line right under a row continues its last cell — unless the row is already complete (all its cells, the last
    /// one a time limit or a placeholder): then a tabbed line is a row of its own without a number, and a line without
    /// tabs is no longer the table.
    /// </summary>
    private static bool MayContinue(TableLayout layout, List<string> cells)
    {
        if (cells.Count < layout.Columns.Length) return true;
        var last = Clean(cells[^1]);
        return !UnitShape.IsPlaceholder(last) && !UnitShape.IsTimeLike(last);
    }

    /// <summary>
    /// A line under a row continues its last cell. When both are unit lists, the line is not a cut word: a single unit
    /// followed by another unit is a cell broken over lines (区财政局 / 区税务局), kept as cells of their own; a list
    /// goes on after a separator.
    /// </summary>
    private static void Continue(List<string> cells, string text)
    {
        var last = Clean(cells[^1]);
        if (last.Length > 0 && !EndsWithSeparator(last) && LooksLikeUnitList(text) && LooksLikeUnitList(last))
        {
            if (UnitSplitter.Split(last).Count == 1) cells.Add(text);
            else cells[^1] += "、" + text;
            return;
        }

        cells[^1] += text; // a wrapped cell
    }

    private static bool EndsWithSeparator(string s) => s[^1] is '、' or '，' or ',' or '；' or ';';

    /// <summary>A row whose only cell is a section heading (一、主要预期目标 | | |): a heading, not a task.</summary>
    private static bool IsHeadingRow(string[] split)
    {
        if (!UnitShape.IsSectionHeading(Clean(split[0]))) return false;
        for (var k = 1; k < split.Length; k++)
        {
            if (!UnitShape.IsPlaceholder(Clean(split[k]))) return false;
        }

        return true;
    }

    /// <summary>With a 序号 column, a row starts with a number (or with an empty 序号 cell); otherwise every tabbed line is a row.</summary>
    private static bool StartsRow(TableLayout layout, string[] split)
    {
        if (layout.ItemIndex < 0) return true;
        if (UnitShape.IsPlaceholder(Clean(split[0]))) return true;
        return layout.ItemIndex < split.Length && UnitShape.IsItemNumber(Clean(split[layout.ItemIndex]));
    }

    private static void Flush(TableLayout? layout, List<string>? cells, int lineIndex, ref List<ResponsibilityRow>? rows)
    {
        if (layout is null || cells is null) return;
        var row = Map(layout, cells, lineIndex);
        if (row is null) return;
        rows ??= new List<ResponsibilityRow>(32);
        rows.Add(row);
    }

    private static ResponsibilityRow? Map(TableLayout layout, List<string> raw, int lineIndex)
    {
        var cells = new string[raw.Count];
        var any = false;
        for (var k = 0; k < cells.Length; k++)
        {
            cells[k] = Clean(raw[k]);
            any |= cells[k].Length > 0;
        }

        if (!any) return null;

        var row = new RowParts();
        if (cells.Length == layout.Columns.Length && UnitsWhereExpected(layout, cells)) MapByPosition(layout, cells, row);
        else MapByShape(layout, cells, row);

        // With a 牵头 column the 责任 and 配合 units support; without one (or when the row leaves it empty) the
        // 责任 units lead.
        var time = row.Time ?? row.TimeElsewhere;
        if (!row.Units.HasUnits && time is null) return null; // a heading (一、… / 1 | 大力提振消费。 | |), or a number and nothing else

        var (lead, support) = row.Units.Resolve();
        return new ResponsibilityRow(lineIndex, row.Item, JoinText(row.Texts), lead, support, time ?? layout.PeriodTarget);
    }

    /// <summary>
    /// A row with as many cells as the header may still be shifted (an empty cell lost, a split cell counted twice):
    /// its cells are taken by position only when each unit column holds units, a time limit or nothing.
    /// </summary>
    private static bool UnitsWhereExpected(TableLayout layout, string[] cells)
    {
        for (var k = 0; k < cells.Length; k++)
        {
            if (layout.Columns[k] is not (TableColumn.Lead or TableColumn.Responsible or TableColumn.Support)) continue;
            var cell = cells[k];
            if (!UnitShape.IsPlaceholder(cell) && !UnitShape.IsTimeLike(cell) && !LooksLikeUnitCell(cell)) return false;
        }

        return true;
    }

    private static void MapByPosition(TableLayout layout, string[] cells, RowParts row)
    {
        for (var k = 0; k < cells.Length; k++)
        {
            var cell = cells[k];
            if (UnitShape.IsPlaceholder(cell)) continue;
            switch (layout.Columns[k])
            {
                case TableColumn.Item:
                    row.Item ??= cell;
                    break;
                case TableColumn.Text:
                    row.AddText(cell);
                    break;
                case TableColumn.Time:
                    row.Time ??= cell;
                    break;
                case TableColumn.Lead or TableColumn.Responsible or TableColumn.Support:
                    row.AddUnits(layout.Columns[k], cell);
                    break;
                default:
                    if (UnitShape.IsTimeLike(cell)) row.TimeElsewhere ??= cell;
                    break;
            }
        }
    }

    /// <summary>
    /// Cells dropped or split by extraction: the number first, the time limit last, unit lists to the unit columns in
    /// header order, everything else is task text.
    /// </summary>
    private static void MapByShape(TableLayout layout, string[] cells, RowParts row)
    {
        var first = 0;
        if (layout.ItemIndex == 0 && cells.Length > 0 && UnitShape.IsItemNumber(cells[0]))
        {
            row.Item = cells[0];
            first = 1;
        }

        Span<TableColumn> unitColumns = stackalloc TableColumn[layout.Columns.Length];
        var unitCount = 0;
        foreach (var column in layout.Columns)
        {
            if (column is TableColumn.Lead or TableColumn.Responsible or TableColumn.Support) unitColumns[unitCount++] = column;
        }

        // More unit cells than unit columns: a cell was split over lines, and the surplus belongs to the first column
        // (谯城区: 区财政局 / 区税务局 both lead, then the 协同配合单位 cell).
        // Each cell is judged once: splitting a cell into units is the costly part of reading a row.
        Span<bool> isUnits = stackalloc bool[cells.Length];
        var unitCells = 0;
        for (var k = first; k < cells.Length; k++)
        {
            isUnits[k] = !UnitShape.IsPlaceholder(cells[k]) && LooksLikeUnitCell(cells[k]);
            if (isUnits[k]) unitCells++;
        }

        if (first == 1 && cells.Length > 1 && IsTaskAfterNumber(layout, cells[1]))
        {
            // The cell right after the number is the task (现代化美丽城镇 is a project, not a town).
            row.AddText(cells[1]);
            if (isUnits[1]) unitCells--;
            first = 2;
        }

        var surplus = Math.Max(0, unitCells - unitCount);
        var next = 0;
        for (var k = first; k < cells.Length; k++)
        {
            var cell = cells[k];
            if (UnitShape.IsPlaceholder(cell)) continue;
            if (isUnits[k])
            {
                var column = unitColumns[Math.Min(Math.Max(0, next - surplus), unitCount - 1)];
                next++;
                row.AddUnits(column, cell);
            }
            else if (UnitShape.IsTimeLike(cell))
            {
                row.Time ??= cell;
            }
            else
            {
                row.AddText(cell);
            }
        }
    }

    /// <summary>
    /// With a task column after 序号, the cell right after a row's number is its task, unless it lists several units
    /// (the task cell was empty and dropped).
    /// </summary>
    internal static bool IsTaskAfterNumber(TableLayout layout, string cell)
    {
        if (layout.ItemIndex != 0 || layout.Columns.Length < 2 || layout.Columns[1] != TableColumn.Text) return false;
        if (UnitShape.IsPlaceholder(cell) || UnitShape.IsTimeLike(cell)) return false;
        // Text running on past any unit name before its first separator is one entry, the task, without splitting.
        var firstSeparator = cell.AsSpan().IndexOfAny(EntrySeparators);
        if ((firstSeparator < 0 ? cell.Length : firstSeparator) > UnitSplitter.MaxEntryLength) return true;
        return UnitSplitter.Split(cell).Count <= 1;
    }

    /// <summary>A cell of units: a list of organisation names, or units with their role verbs (市发改委牵头落实).</summary>
    internal static bool LooksLikeUnitCell(string cell) => LooksLikeUnitList(cell) || RoleCell.Read(cell) is not null;

    /// <summary>
    /// True when every entry of the cell looks like an organisation name — unless it is one entry closed by a full stop:
    /// 迁建县政务服务中心。 is a task, and a cell naming one unit carries no full stop.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> EntrySeparators = System.Buffers.SearchValues.Create("、，,；; \u3000");

    internal static bool LooksLikeUnitList(string cell) => TryUnitList(cell, out _);

    /// <summary><see cref="LooksLikeUnitList"/>, giving the cell's entries when it is one (so they are split once).</summary>
    private static bool TryUnitList(string cell, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<string>? entries)
    {
        entries = null;
        // A sentence ended inside the cell is task text: no need to split it into entries first.
        var trimmed = cell.AsSpan().TrimEnd();
        var stop = trimmed.IndexOf('。');
        if (stop >= 0 && stop < trimmed.Length - 1) return false;
        // Task text runs on long before its first separator (if it has one); no unit name is that long.
        var firstSeparator = trimmed.IndexOfAny(EntrySeparators);
        if ((firstSeparator < 0 ? trimmed.Length : firstSeparator) > UnitSplitter.MaxEntryLength) return false;
        if (firstSeparator < 0 && stop >= 0) return false; // one entry closed by a full stop: a task
        UnitSplitter.Split(cell.AsSpan(), ref entries);
        if (entries is null) return false;
        if (entries.Count == 1 && cell.AsSpan().TrimEnd()[^1] == '。') return false;
        foreach (var e in entries)
        {
            if (!UnitShape.IsUnitLike(e)) return false;
        }

        return true;
    }

    private static string JoinText(List<string>? texts)
    {
        if (texts is null) return "";
        if (texts.Count == 1) return texts[0];
        var sb = new StringBuilder();
        foreach (var t in texts)
        {
            if (sb.Length > 0 && !EndsSentence(sb[^1])) sb.Append('：');
            sb.Append(t);
        }

        return sb.ToString();

        static bool EndsSentence(char c) => c is '。' or '；' or ';' or '：' or ':' or '！' or '？' or '，';
    }

    /// <summary>A cell without HTML remnants (&lt;p&gt;…&lt;/p&gt;, &lt;br&gt;, &amp;nbsp;), Markdown marks and surrounding spaces.</summary>
    internal static string Clean(string cell)
    {
        var span = cell.AsSpan().Trim();
        if (span.IsEmpty) return "";
        if (span.IndexOfAny('<', '&', '*') < 0) return span.Length == cell.Length ? cell : span.ToString();

        var sb = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '<')
            {
                var close = span[i..].IndexOf('>');
                if (close > 0 && close < 40 && IsTag(span[(i + 1)..(i + close)]))
                {
                    i += close;
                    continue;
                }
            }
            else if (c == '&')
            {
                var entity = Entity(span[i..], out var length);
                if (entity is not null)
                {
                    sb.Append(entity);
                    i += length - 1;
                    continue;
                }
            }
            else if (c == '*')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();

        static bool IsTag(ReadOnlySpan<char> inner)
        {
            if (inner.Length > 0 && inner[0] == '/') inner = inner[1..];
            return inner.Length > 0 && char.IsAsciiLetter(inner[0]);
        }
    }

    private static string? Entity(ReadOnlySpan<char> s, out int length)
    {
        foreach (var (name, text) in Entities)
        {
            if (s.StartsWith(name, StringComparison.Ordinal))
            {
                length = name.Length;
                return text;
            }
        }

        length = 0;
        return null;
    }

    private static readonly (string Name, string Text)[] Entities =
        [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'")];

    private sealed class RowParts
    {
        public string? Item;
        public string? Time;
        public string? TimeElsewhere;
        public List<string>? Texts;
        public RoleSet Units { get; } = new();

        public void AddText(string text)
        {
            Texts ??= new List<string>(2);
            for (var k = 0; k < Texts.Count; k++)
            {
                // 工作任务 repeated in 具体内容 (or the other way round): keep the longer once.
                if (Texts[k].Contains(text, StringComparison.Ordinal)) return;
                if (text.Contains(Texts[k], StringComparison.Ordinal))
                {
                    Texts[k] = text;
                    return;
                }
            }

            Texts.Add(text);
        }

        /// <summary>Units of a unit cell; a time limit shifted into a unit column by a dropped cell is kept apart.</summary>
        public void AddUnits(TableColumn column, string cell)
        {
            if (UnitShape.IsTimeLike(cell) && !UnitShape.IsUnitLike(cell))
            {
                TimeElsewhere ??= cell;
                return;
            }

            var isList = TryUnitList(cell, out var units);
            if (!isList && RoleCell.Read(cell) is { } clause)
            {
                // The cell states the roles itself, whatever its column.
                foreach (var unit in clause.Lead) Units.Add(ClauseRole.Lead, unit);
                foreach (var unit in clause.Support) Units.Add(ClauseRole.Support, unit);
                TimeElsewhere ??= clause.TimeLimitText;
                return;
            }

            if (!isList)
            {
                units = null;
                UnitSplitter.Split(cell.AsSpan(), ref units);
            }

            if (units is null) return;
            var role = column switch
            {
                TableColumn.Lead => ClauseRole.Lead,
                TableColumn.Support => ClauseRole.Support,
                _ => ClauseRole.Responsible,
            };
            foreach (var unit in units)
            {
                if (!UnitShape.IsTimeLike(unit)) Units.Add(role, unit);
            }
        }
    }
}
