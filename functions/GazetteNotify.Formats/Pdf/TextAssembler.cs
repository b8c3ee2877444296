using System.Text;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// The pages' items → the text the parser reads. Lines of one paragraph are joined (the line reaches the right edge of
/// its column and the next starts at the left edge, unindented, in the same size), across columns and pages too;
/// anything else — a title's second line centred under the first, a heading, a signature — stays a line of its own,
/// which the parser rejoins where it should. A full line that ends a sentence (。！？) is left to the parser too: an
/// unindented numbered item after it (2. …) must stay at the start of a line to be read as an item. A table is one tab-separated line per row with a blank line after it (the
/// parser's table reader ends a table at a blank line then text); a table broken by a page is read as one: the header
/// row repeated on the new page is dropped and a row split by the break is joined back.
/// </summary>
internal static class TextAssembler
{
    /// <summary>A line ends this close (ems) to its column's right edge when it runs on.</summary>
    private const double FullLineEms = 0.8;

    /// <summary>A line starts this close (ems) to its column's left edge when it is not indented.</summary>
    private const double UnindentedEms = 0.5;

    public static string Assemble(List<ReadPage> pages)
    {
        JoinBrokenTables(pages);
        var sb = new StringBuilder();
        TextLine? previous = null;
        var afterTable = false;
        foreach (var item in pages.SelectMany(p => p.Items))
        {
            if (item is RuledTable table)
            {
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                foreach (var row in table.Rows) sb.Append(string.Join('\t', row)).Append('\n');
                afterTable = true;
                previous = null;
                continue;
            }

            var line = (TextLine)item;
            if (afterTable) sb.Append('\n');
            afterTable = false;
            if (previous is not null && RunsOn(previous, line))
            {
                if (GlyphSpacing.IsLatinOrDigit(sb[^1]) && GlyphSpacing.IsLatinOrDigit(line.Text[0])) sb.Append(' ');
            }
            else if (sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append('\n');
            }

            sb.Append(line.Text);
            previous = line;
        }

        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        return sb.ToString();
    }

    private static bool RunsOn(TextLine line, TextLine next) =>
        line.Right >= line.ColumnRight - FullLineEms * line.Size
        && next.Left <= next.ColumnLeft + UnindentedEms * next.Size
        && Math.Abs(line.Size - next.Size) <= 0.15 * line.Size
        && line.Text.Length > 0 && next.Text.Length > 0
        && line.Text[^1] is not ('。' or '！' or '？' or '!' or '?');

    /// <summary>A table that ends a page and a table with the same columns that starts the next are one table.</summary>
    private static void JoinBrokenTables(List<ReadPage> pages)
    {
        RuledTable? tail = null;
        foreach (var page in pages)
        {
            if (tail is not null && page.Items.Count > 0 && page.Items[0] is RuledTable head && tail.HasColumnsOf(head))
            {
                page.Items.RemoveAt(0);
                var rows = head.Rows;
                if (rows.Count > 0 && tail.Rows.Count > 0 && rows[0].SequenceEqual(tail.Rows[0])) rows.RemoveAt(0);
                if (rows.Count > 0 && tail.Rows.Count > 0 && (tail.OpenBottom || head.OpenTop || ContinuesRow(tail.Rows[^1], rows[0])))
                {
                    tail.Rows[^1] = JoinRow(tail.Rows[^1], rows[0]);
                    rows.RemoveAt(0);
                }

                tail.Rows.AddRange(rows);
                tail.OpenBottom = head.OpenBottom;
            }

            if (page.Items.Count > 0) tail = page.Items[^1] as RuledTable;
        }
    }

    /// <summary>The row goes on: its 序号 cell is empty under a numbered row (a new row would have a number).</summary>
    private static bool ContinuesRow(string[] last, string[] first) =>
        last.Length == first.Length && first[0].Length == 0 && last[0].Length > 0 && last[0].All(char.IsAsciiDigit)
        && first.Any(c => c.Length > 0);

    private static string[] JoinRow(string[] last, string[] first)
    {
        if (last.Length != first.Length) return [.. last, .. first];
        var joined = new string[last.Length];
        for (var i = 0; i < last.Length; i++)
        {
            var space = last[i].Length > 0 && first[i].Length > 0 && GlyphSpacing.IsLatinOrDigit(last[i][^1]) && GlyphSpacing.IsLatinOrDigit(first[i][0]);
            joined[i] = last[i] + (space ? " " : "") + first[i];
        }

        return joined;
    }
}
