using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// A sample issue's text typed into Word the way an office types a 公文: the printed 一、 / （一） / "1. " item numbers
/// become automatic list numbering (continuing where the count goes on, a new w:num with a start override where the
/// print restarts or jumps — Word's "restart at" and "set numbering value"), the 一、 headings numbered through a
/// heading style; the responsibility tables become Word tables; each 版头 (聊城市人民政府文件) sits in a floating text box
/// with its DrawingML and VML copies; and every 责任单位 clause carries a deleted revision (a unit struck out in review,
/// which must not come back) and an inserted one (the rest of the clause, which must).
/// </summary>
internal static partial class SampleDocx
{
    public const string StruckUnit = "市删除局、";

    private const int HanList = 1, ParenthesisedList = 2, DecimalList = 3;
    private const string HeadingStyle = "Heading1CN";

    public static byte[] Build(string text, out int numberedParagraphs)
    {
        var lists = new ListTypist();
        var body = new Body();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var revision = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains('\t'))
            {
                var start = i;
                while (i + 1 < lines.Length && lines[i + 1].Contains('\t')) i++;
                body.Append(Table(lines[start..(i + 1)]));
            }
            else if (Masthead().IsMatch(line.Trim()))
            {
                body.Append(new Paragraph(new Run(TextBox(line.Trim()))));
            }
            else if (lists.Type(line) is { } numbered)
            {
                body.Append(Paragraph(numbered.Text, numbered.Properties, ref revision));
            }
            else
            {
                body.Append(Paragraph(line, null, ref revision));
            }
        }

        numberedParagraphs = lists.Numbered;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = lists.Definitions();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "一级标题" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = HanList })))
                {
                    Type = StyleValues.Paragraph,
                    StyleId = HeadingStyle,
                });
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph; a 责任单位 clause gets a struck unit (w:del) and the rest of the clause as an insertion (w:ins).</summary>
    private static Paragraph Paragraph(string text, ParagraphProperties? properties, ref int revision)
    {
        var paragraph = new Paragraph();
        if (properties is not null) paragraph.Append(properties);
        var at = text.IndexOf("责任单位：", StringComparison.Ordinal);
        if (at < 0)
        {
            if (text.Length > 0) paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            return paragraph;
        }

        var cut = at + "责任单位：".Length;
        paragraph.Append(
            new Run(new Text(text[..cut]) { Space = SpaceProcessingModeValues.Preserve }),
            new DeletedRun(new Run(new DeletedText(StruckUnit))) { Id = (++revision).ToString(CultureInfo.InvariantCulture), Author = "审核" },
            new InsertedRun(new Run(new Text(text[cut..]) { Space = SpaceProcessingModeValues.Preserve })) { Id = (++revision).ToString(CultureInfo.InvariantCulture), Author = "审核" });
        return paragraph;
    }

    private static Table Table(string[] rows)
    {
        var cells = rows.Select(r => r.Split('\t')).ToArray();
        var columns = cells.Max(c => c.Length);
        var table = new Table(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "1200" })));
        foreach (var row in cells)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(cell.Length == 0
                ? new Paragraph()
                : new Paragraph(new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))))));
        }

        return table;
    }

    /// <summary>A floating text box as Word 2010+ writes it: the DrawingML shape, and a VML copy for older readers.</summary>
    private static AlternateContent TextBox(string text)
    {
        const string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\"";
        var content = $"<w:txbxContent><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:color w:val=\"FF0000\"/><w:sz w:val=\"72\"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>";
        return new AlternateContent(
            $"<mc:AlternateContent {ns}><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"5400000\" cy=\"900000\"/><wp:wrapTopAndBottom/><wp:docPr id=\"1\" name=\"版头\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
            $"<mc:Fallback><w:pict><v:shape style=\"width:425pt;height:70pt\"><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>");
    }

    [GeneratedRegex("^聊城市人民政府(办公室)?文件$")]
    private static partial Regex Masthead();

    /// <summary>Turns printed item numbers into list numbering, keeping the count Word would keep.</summary>
    private sealed partial class ListTypist
    {
        private readonly Dictionary<int, int?> _count = new() { [HanList] = null, [ParenthesisedList] = null, [DecimalList] = null };
        private readonly Dictionary<int, int> _current = new() { [HanList] = 1, [ParenthesisedList] = 2, [DecimalList] = 3 };
        private readonly List<NumberingInstance> _instances = [];
        private int _nextNum = 4;

        public int Numbered { get; private set; }

        public (string Text, ParagraphProperties Properties)? Type(string line)
        {
            var (list, value, rest) = Han().Match(line) is { Success: true } h ? (HanList, HanValue(h.Groups[1].Value), h.Groups[2].Value)
                : Parenthesised().Match(line) is { Success: true } p ? (ParenthesisedList, HanValue(p.Groups[1].Value), p.Groups[2].Value)
                : Decimal().Match(line) is { Success: true } d ? (DecimalList, int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture), d.Groups[2].Value)
                : (0, 0, "");
            if (list == 0 || value <= 0) return null;

            var expected = _count[list] is { } count ? count + 1 : 1;
            if (value != expected)
            {
                // The print restarts or jumps: a new w:num on the same list, starting at the printed number.
                var num = _nextNum++;
                _instances.Add(new NumberingInstance(new AbstractNumId { Val = list },
                    new LevelOverride(new StartOverrideNumberingValue { Val = value }) { LevelIndex = 0 }) { NumberID = num });
                _current[list] = num;
            }

            _count[list] = value;
            Numbered++;
            var properties = list == HanList && _current[list] == HanList
                ? new ParagraphProperties(new ParagraphStyleId { Val = HeadingStyle })
                : new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = _current[list] }));
            return (rest, properties);
        }

        public Numbering Definitions()
        {
            var numbering = new Numbering(
                Abstract(HanList, "chineseCounting", "%1、", LevelSuffixValues.Nothing),
                Abstract(ParenthesisedList, "chineseCounting", "（%1）", LevelSuffixValues.Nothing),
                Abstract(DecimalList, "decimal", "%1.", LevelSuffixValues.Space));
            foreach (var list in new[] { HanList, ParenthesisedList, DecimalList })
            {
                numbering.Append(new NumberingInstance(new AbstractNumId { Val = list }) { NumberID = list });
            }

            numbering.Append(_instances);
            return numbering;
        }

        private static AbstractNum Abstract(int id, string format, string text, LevelSuffixValues suffix) => new(
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(format)) },
                new LevelSuffix { Val = suffix },
                new LevelText { Val = text }) { LevelIndex = 0 })
        { AbstractNumberId = id };

        private static int HanValue(string han)
        {
            const string digits = "零一二三四五六七八九";
            return han switch
            {
                "十" => 10,
                _ when han.StartsWith('十') => 10 + digits.IndexOf(han[1], StringComparison.Ordinal),
                _ when han.Length == 2 && han[1] == '十' => 10 * digits.IndexOf(han[0], StringComparison.Ordinal),
                _ when han.Length == 3 && han[1] == '十' => 10 * digits.IndexOf(han[0], StringComparison.Ordinal) + digits.IndexOf(han[2], StringComparison.Ordinal),
                _ when han.Length == 1 => digits.IndexOf(han[0], StringComparison.Ordinal),
                _ => -1,
            };
        }

        [GeneratedRegex("^([一二三四五六七八九十]{1,3})、(.*)$")]
        private static partial Regex Han();

        [GeneratedRegex("^（([一二三四五六七八九十]{1,3})）(.*)$")]
        private static partial Regex Parenthesised();

        // "1. " with its space, as the samples print it; "1.5亿元" is not an item.
        [GeneratedRegex("^([0-9]{1,2})\\. (.*)$")]
        private static partial Regex Decimal();
    }
}
