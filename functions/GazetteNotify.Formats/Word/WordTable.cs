using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// A Word table as the parser's table reader wants it: one line per row, cells separated by tabs. A cell's paragraphs
/// (and any table nested in it) are joined by spaces into one cell. A cell spanning columns (w:gridSpan) is followed by
/// empty cells so the next cells stay under their headers; a cell continuing a vertical merge (w:vMerge) repeats the
/// merged text, because the merged 牵头单位 applies to every row it spans. A row that is one cell across the whole table
/// (a heading inside the table, or a one-column layout table around a 版头) is written as its paragraphs, not as a row.
/// Rows deleted as revisions are left out. A blank line ends the table, as it ends a table in extracted text.
/// </summary>
internal static class WordTable
{
    public static void Write(Table table, WordTextWriter writer)
    {
        var width = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
        var rows = Rows(table).ToList();
        foreach (var row in rows) width = Math.Max(width, Cells(row).Sum(SpanOf) + Before(row));

        var above = new Dictionary<int, string>();
        foreach (var row in rows)
        {
            var cells = Cells(row).ToList();
            var column = Before(row);
            if (cells.Count == 1 && (SpanOf(cells[0]) + column >= width || width <= 1) && !IsContinuation(cells[0]))
            {
                writer.WriteBlocks(cells[0]);
                above.Clear();
                continue;
            }

            var texts = new List<string>(width);
            for (var i = 0; i < column; i++) texts.Add("");
            var current = new Dictionary<int, string>();
            foreach (var cell in cells)
            {
                var text = IsContinuation(cell) ? above.GetValueOrDefault(column, "") : CellText(cell, writer);
                current[column] = text;
                texts.Add(text);
                var span = SpanOf(cell);
                for (var i = 1; i < span; i++) texts.Add("");
                column += span;
            }

            above = current;
            writer.Lines.Add(string.Join('\t', texts));
        }

        writer.Lines.Add("");
    }

    /// <summary>A cell's lines joined by spaces: a row must stay one line, and a tab inside a cell would split it.</summary>
    private static string CellText(TableCell cell, WordTextWriter writer)
    {
        var parts = new List<string>();
        foreach (var line in writer.LinesOf(cell))
        {
            var part = line.Replace('\t', ' ').Trim();
            if (part.Length > 0) parts.Add(part);
        }

        return string.Join(' ', parts);
    }

    private static int SpanOf(TableCell cell) => Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);

    private static bool IsContinuation(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge && merge.Val?.InnerText is null or "continue";

    private static int Before(TableRow row) => Math.Max(0, row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);

    /// <summary>The table's rows, through content controls and custom XML around them; rows deleted as revisions are skipped.</summary>
    private static IEnumerable<TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is TableRow row)
            {
                if (row.TableRowProperties?.GetFirstChild<Deleted>() is null) yield return row;
            }
            else if (child is SdtRow or SdtContentRow or CustomXmlRow)
            {
                foreach (var inner in Rows(child)) yield return inner;
            }
        }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is TableCell cell) yield return cell;
            else if (child is SdtCell or SdtContentCell or CustomXmlCell)
            {
                foreach (var inner in Cells(child)) yield return inner;
            }
        }
    }
}
