using System.Text;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// Rejoins lines into paragraphs. PDF extraction breaks lines at the column edge and at page breaks (often with a
/// blank line in between), so a line joins the previous one unless the previous ended a sentence, or either line is
/// a heading, a numbered item, a title, a signature, a date or a table row. Headings are never joined across.
/// </summary>
internal static partial class ParagraphBuilder
{
    /// <summary>Numbered headings are short and carry no sentence punctuation.</summary>
    private const int MaxHeadingLength = 40;

    public static List<Paragraph> Build(IReadOnlyList<string> lines, int from, IReadOnlyCollection<string> knownTitles)
    {
        var paragraphs = new List<Paragraph>();
        var current = new StringBuilder();
        var parentheses = new Parentheses();
        var currentLine = -1;
        var currentIsHeading = false;
        var currentIsLabel = false;
        var afterDate = false;

        void Flush()
        {
            if (current.Length == 0) return;
            var text = current.ToString();
            paragraphs.Add(new Paragraph(text, currentIsHeading ? ParagraphKind.Heading : ParagraphKind.Text, currentLine));
            current.Clear();
            parentheses.Clear();
            currentIsHeading = false;
            currentIsLabel = false;
        }

        void Append(string line)
        {
            parentheses.Track(current.Length, line);
            current.Append(line);
        }

        void Start(int i, string line)
        {
            Flush();
            Append(line);
            currentLine = i;
        }

        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;

            if (line.Contains('\t'))
            {
                Flush();
                paragraphs.Add(new Paragraph(line, ParagraphKind.TableRow, i));
                continue;
            }

            var date = LineShapes.ParseDateLine(line, out _);
            if (date is not null || IsSignatureOrgan(lines, i))
            {
                Flush();
                paragraphs.Add(new Paragraph(line, ParagraphKind.Signature, i));
                afterDate = date is not null;
                continue;
            }

            var isTitle = IsKnownTitle(line, knownTitles) || afterDate && line.Length <= 60 && !HasSentencePunctuation(line);
            afterDate = false;

            // 牵头单位：X / 责任单位：Y / 完成时限：Z, each on a line of its own under an item: one clause, its labels
            // kept apart by ；, in a paragraph of its own (joined to the item's text, X would run into the label after it).
            if (StartsWithLabel(line))
            {
                if (currentIsLabel)
                {
                    // 牵头责任单位:市发改委。 already ends its sentence; a second stop would end the clause there.
                    if (current[^1] is not ('。' or '；' or ';')) current.Append('；');
                    Append(line);
                    continue;
                }

                Start(i, line);
                currentIsLabel = true;
                continue;
            }

            if (currentIsLabel)
            {
                // 责任单位：市发改委、市财政局、 / 市税务局 — a unit list wrapped after its separator goes on.
                if (current[^1] is '、' or '，' or ',' && !Numbering.StartsBlock(line))
                {
                    Append(line.TrimStart());
                    continue;
                }

                Flush();
            }

            var startsBlock = Numbering.StartsBlock(line);
            var canJoin = current.Length > 0 && !currentIsHeading && !isTitle && !startsBlock && !EndsParagraph(current, parentheses);
            if (canJoin)
            {
                AppendWrapped(current, line, parentheses);
                continue;
            }

            // A title wrapped over two lines continues a title.
            if (isTitle && currentIsHeading && current.Length > 0 && IsKnownTitle(current + line, knownTitles))
            {
                Append(line);
                continue;
            }

            Start(i, line);
            currentIsHeading = isTitle || startsBlock && IsHeadingShaped(line);
        }

        Flush();
        return paragraphs;
    }

    /// <summary>A line that opens with a clause label: 牵头单位： 责任单位: 配合部门： 牵头责任单位： 协同责任单位： 完成时限：, colon of either width.</summary>
    private static bool StartsWithLabel(string line) => LabelStart().IsMatch(line);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:牵头|责任|配合|协办|主办|主责|协同|参与|协助)(?:责任|负责)?(?:单位|部门)\s*[：:]|^\s*(?:完成时限|完成时间|时间节点)\s*[：:]")]
    private static partial System.Text.RegularExpressions.Regex LabelStart();

    private static void AppendWrapped(StringBuilder current, string line, Parentheses parentheses)
    {
        if (TextShape.IsLatinWordChar(current[^1]) && TextShape.IsLatinWordChar(line[0])) current.Append(' ');
        parentheses.Track(current.Length, line);
        current.Append(line);
    }

    private static bool IsKnownTitle(string line, IReadOnlyCollection<string> knownTitles)
    {
        if (knownTitles.Count == 0 || line.Length > 80 || line.Length < 4) return false;
        foreach (var title in knownTitles)
        {
            if (TextShape.SquashedIsPrefixOf(line, title, minimumLength: 4)) return true;
        }

        return false;
    }

    /// <summary>一、总体要求 / （一）指导思想 / 第一章 总则 — a number and a few words, no sentence.</summary>
    private static bool IsHeadingShaped(string line)
    {
        if (line.Length > MaxHeadingLength) return false;
        // The number itself (一、 1、) carries punctuation; only the words after it count.
        var skip = Numbering.LengthOf(line);
        return line.AsSpan(skip).IndexOfAny(SentencePunctuation) < 0;
    }

    private static bool HasSentencePunctuation(string line) => line.AsSpan().IndexOfAny(SentencePunctuation) >= 0;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create("。；;！？!?，,、：:");

    /// <summary>The signature organ: an organ line right above a date line.</summary>
    private static bool IsSignatureOrgan(IReadOnlyList<string> lines, int i)
    {
        if (!LineShapes.IsOrgan(lines[i])) return false;
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
        {
            if (lines[j].Length == 0) continue;
            return LineShapes.ParseDateLine(lines[j], out _) is not null;
        }

        return false;
    }

    /// <summary>
    /// A paragraph ends at sentence-final punctuation or a colon; a closing parenthesis ends it only when it closes
    /// a responsibility clause or （略）, since citations such as 《…》（国令第663号） run on.
    /// </summary>
    private static bool EndsParagraph(StringBuilder text, Parentheses parentheses)
    {
        var last = text[^1];
        if (last is '。' or '！' or '？' or '；' or '：' or '!' or '?' or ';' or ':' or '…') return true;
        if (last is '）' or ')' && !parentheses.Unbalanced)
        {
            var open = parentheses.LastOpening;
            if (open < 0) return false;
            var inner = text.ToString(open, text.Length - open);
            return inner.Contains("负责", StringComparison.Ordinal) || inner.Contains("单位", StringComparison.Ordinal)
                || inner.Contains("部门", StringComparison.Ordinal) || inner.Contains("牵头", StringComparison.Ordinal)
                || inner.Contains("配合", StringComparison.Ordinal) || inner.Contains("落实", StringComparison.Ordinal)
                || inner.Contains('略');
        }

        if (last is '”' or '」' && text.Length > 1 && text[^2] is '。' or '！' or '？') return true;
        return false;
    }

    /// <summary>
    /// The parentheses of the paragraph being built, followed as its lines are appended, so that deciding whether it
    /// ends never rescans it: rescanning made a paragraph of many wrapped lines quadratic (a hostile upload of 8,000
    /// lines took seconds, 200,000 would take hours).
    /// </summary>
    private sealed class Parentheses
    {
        private readonly List<int> _open = [];
        private int _depth;

        /// <summary>More opened than closed, counting every parenthesis.</summary>
        public bool Unbalanced => _depth > 0;

        /// <summary>Where the parenthesis closed by the last closing one opened; -1 when it closed none.</summary>
        public int LastOpening { get; private set; } = -1;

        public void Track(int offset, string appended)
        {
            for (var i = 0; i < appended.Length; i++)
            {
                var c = appended[i];
                if (c is '（' or '(')
                {
                    _depth++;
                    _open.Add(offset + i);
                }
                else if (c is '）' or ')')
                {
                    _depth--;
                    if (_open.Count > 0)
                    {
                        LastOpening = _open[^1];
                        _open.RemoveAt(_open.Count - 1);
                    }
                    else
                    {
                        LastOpening = -1;
                    }
                }
            }
        }

        public void Clear()
        {
            _open.Clear();
            _depth = 0;
            LastOpening = -1;
        }
    }
}
