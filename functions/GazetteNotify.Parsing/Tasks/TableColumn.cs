namespace GazetteNotify.Parsing.Tasks;

/// <summary>What a column of a responsibility table holds, read from its header cell.</summary>
internal enum TableColumn
{
    /// <summary>Not a header word we know.</summary>
    Unknown,
    /// <summary>序号 / 编号.</summary>
    Item,
    /// <summary>任务 / 工作任务 / 具体内容 / 工作措施 / 重点事项 ….</summary>
    Text,
    /// <summary>牵头单位 / 牵头部门 / 主责单位.</summary>
    Lead,
    /// <summary>责任单位 / 责任部门 / 责任主体 / 落实单位.</summary>
    Responsible,
    /// <summary>配合单位 / 配合部门 / 协办单位.</summary>
    Support,
    /// <summary>完成时限 / 时间节点 / 完成时间.</summary>
    Time,
    /// <summary>备注 / 责任领导: known, not used.</summary>
    Ignored,
}

/// <summary>A table header: the kind of each column.</summary>
internal sealed class TableLayout
{
    private TableLayout(TableColumn[] columns, string? periodTarget)
    {
        Columns = columns;
        PeriodTarget = periodTarget;
        ItemIndex = Array.IndexOf(columns, TableColumn.Item);
        HasLead = Array.IndexOf(columns, TableColumn.Lead) >= 0;
    }

    public TableColumn[] Columns { get; }

    public int ItemIndex { get; }

    public bool HasLead { get; }

    /// <summary>
    /// A column headed 全年目标任务 / 年度目标: every row is a target for the year, whatever else it says; the heading
    /// as written, read as that row's time limit when the row has none of its own. Null for other tables.
    /// </summary>
    public string? PeriodTarget { get; }

    /// <summary>
    /// Reads a header row. <paramref name="headerLike"/> is true when every cell is a header word (a header of some
    /// table); the layout is returned only when the table names units (牵头 / 责任 / 配合 columns). A few cells we do not
    /// know are read as columns to ignore when at least three cells, units among them, are known.
    /// </summary>
    public static TableLayout? TryRead(string[] cells, out bool headerLike)
    {
        headerLike = false;
        var columns = new TableColumn[cells.Length];
        var named = 0;
        var unknown = 0;
        var units = false;
        string? periodTarget = null;
        Span<char> buffer = stackalloc char[16];
        for (var i = 0; i < cells.Length; i++)
        {
            if (!TryCompact(cells[i], buffer, out var length))
            {
                columns[i] = TableColumn.Ignored;
                unknown++;
                continue;
            }

            var compact = buffer[..length];
            if (compact.IsEmpty)
            {
                columns[i] = TableColumn.Ignored;
                continue;
            }

            var kind = Classify(compact);
            if (kind == TableColumn.Unknown)
            {
                // Progress tables add columns we do not read (是否达序, 进展情况、存在问题及下一步打算).
                columns[i] = TableColumn.Ignored;
                unknown++;
                continue;
            }

            if (kind == TableColumn.Text && IsPeriodTarget(compact)) periodTarget ??= compact.ToString();
            columns[i] = kind;
            named++;
            units |= kind is TableColumn.Lead or TableColumn.Responsible or TableColumn.Support;
        }

        if (unknown > 0)
        {
            // A header with some words we do not know: still a header when most of its cells, units among them, are ours.
            return named >= 3 && units && unknown * 2 <= named ? new TableLayout(columns, periodTarget) : null;
        }

        if (named < 2) return null;
        headerLike = true;
        return units ? new TableLayout(columns, periodTarget) : null;
    }

    /// <summary>全年目标任务, 全年目标, 年度目标任务, 年度目标.</summary>
    private static bool IsPeriodTarget(ReadOnlySpan<char> h) =>
        (h.StartsWith("全年目标") || h.StartsWith("年度目标")) && (h.Length == 4 || h[4..] is "任务");

    /// <summary>The kind of one header cell on its own (<see cref="TableColumn.Unknown"/> for words we do not know, and for long cells).</summary>
    public static TableColumn KindOf(string cell)
    {
        Span<char> buffer = stackalloc char[16];
        if (!TryCompact(cell, buffer, out var length) || length == 0) return TableColumn.Unknown;
        return Classify(buffer[..length]);
    }

    /// <summary>The cell without spaces, Markdown marks and HTML tags (具体内 容 → 具体内容); false when too long for a header.</summary>
    private static bool TryCompact(string cell, Span<char> buffer, out int length)
    {
        length = 0;
        var inTag = false;
        foreach (var c in cell)
        {
            if (inTag)
            {
                if (c == '>') inTag = false;
                continue;
            }

            if (c == '<')
            {
                inTag = true;
                continue;
            }

            if (UnitShape.IsDecoration(c) || c is '\r' or '\n') continue;
            if (length == buffer.Length) return false;
            buffer[length++] = c;
        }

        return true;
    }

    private static TableColumn Classify(ReadOnlySpan<char> h)
    {
        if (h.Length > 14) return TableColumn.Unknown;
        if (h is "序号" or "编号" or "序" or "号" or "项次" or "序列") return TableColumn.Item;
        if (h.EndsWith("领导") || h.EndsWith("责任人") || h.EndsWith("负责人") || h.EndsWith("联系人") || h is "备注" or "说明")
        {
            return TableColumn.Ignored;
        }

        if (h.Contains("时限", StringComparison.Ordinal) || h.Contains("时间", StringComparison.Ordinal)
            || h.Contains("节点", StringComparison.Ordinal) || h.Contains("期限", StringComparison.Ordinal)
            || h.Contains("进度", StringComparison.Ordinal))
        {
            return TableColumn.Time;
        }

        if (h is "单位" or "部门") return TableColumn.Responsible;
        var role = ClauseLabel.Classify(h);
        switch (role)
        {
            case ClauseRole.Lead: return TableColumn.Lead;
            case ClauseRole.Support: return TableColumn.Support;
            case ClauseRole.Responsible: return TableColumn.Responsible;
        }

        if (h.Contains("任务", StringComparison.Ordinal) || h.Contains("内容", StringComparison.Ordinal)
            || h.Contains("措施", StringComparison.Ordinal) || h.Contains("事项", StringComparison.Ordinal)
            || h.Contains("目标", StringComparison.Ordinal) || h.Contains("举措", StringComparison.Ordinal)
            || h.Contains("要求", StringComparison.Ordinal) || h.Contains("项目", StringComparison.Ordinal)
            || h.Contains("名称", StringComparison.Ordinal) || h.Contains("工作", StringComparison.Ordinal)
            || h.Contains("指标", StringComparison.Ordinal) || h.Contains("重点", StringComparison.Ordinal)
            || h.Contains("实事", StringComparison.Ordinal)
            || h is "类别" or "领域" or "分类" or "环节" or "阶段")
        {
            return TableColumn.Text;
        }

        return TableColumn.Unknown;
    }
}
