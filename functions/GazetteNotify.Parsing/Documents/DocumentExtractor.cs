using System.Text;
using GazetteNotify.Parsing.Body;
using GazetteNotify.Parsing.Deadlines;
using GazetteNotify.Parsing.Genre;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Summary;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing.Validity;

namespace GazetteNotify.Parsing.Documents;

/// <summary>One document's lines (continuations already stitched in) → the contract's document.</summary>
internal static partial class DocumentExtractor
{
    public static (GazetteDocument Document, string Text) Extract(LocatedDocument located, IReadOnlyList<string> lines, string section, DateOnly? fallbackAnchor, List<string> warnings)
    {
        var toc = located.Toc;
        var info = located.Info;
        var header = located.StartsWithBody ? DocumentHeader.Headless : DocumentHeader.Read(lines, toc?.Title);
        // A number in brackets under the title, or the page's table when the header printed it garbled (亳政办〔20251).
        var docNumber = located.DocNumber ?? header.Number ?? info.DocNumber ?? (located.StartsWithBody ? NumberOnTop(lines) : null);
        var title = toc?.Title ?? located.Title ?? (located.StartsWithBody ? info.Title : TitleFromHeader(header)) ?? docNumber ?? info.Title ?? "";
        var (kind, attachmentTitle) = GenreClassifier.Classify(title);
        var signature = Signature.Find(lines, header.BodyStart);
        var issuer = header.Issuer ?? signature?.Organ ?? info.Issuer;
        var signedDate = signature?.Date ?? info.SignedDate;
        var name = docNumber ?? title;
        if (signedDate is null && located.Found && docNumber is not null)
        {
            warnings.Add($"「{name}」: no signing date (成文日期) found under a signature");
        }

        var knownTitles = new List<string>(3) { TextShape.Squash(title) };
        if (attachmentTitle is not null) knownTitles.Add(TextShape.Squash(attachmentTitle));
        var paragraphs = ParagraphBuilder.Build(lines, header.BodyStart, knownTitles);
        var knownAnchor = signedDate ?? YearOfDocument(title, docNumber, lines) ?? fallbackAnchor;
        var anchor = knownAnchor ?? UnknownYear.Placeholder;

        var fullText = JoinText(paragraphs);
        var tasks = TaskAssembler.Assemble(paragraphs, lines, anchor);
        List<OngoingLimit> ongoing = [.. tasks.SelectMany(t => t.Ongoing).Distinct()];
        var deadlines = CollectDeadlines(paragraphs, tasks, ongoing, anchor);
        if (knownAnchor is null)
        {
            tasks = UnknownYear.Undate(tasks);
            deadlines = UnknownYear.Undate(deadlines);
        }
        var mainStart = attachmentTitle is not null && signature is not null ? FirstAfterLine(paragraphs, signature.DateLine) : 0;
        var summary = SummaryBuilder.Build(SummaryParagraphs(paragraphs, mainStart));

        var document = new GazetteDocument(
            Section: section,
            DocNumber: docNumber,
            Title: title,
            Issuer: issuer,
            SignedDate: signedDate,
            TocPage: toc?.Page,
            Kind: kind,
            AttachmentTitle: attachmentTitle,
            Topics: [],
            Summary: summary,
            Effective: ValidityFinder.FindEffective(fullText, signedDate),
            Repeals: ValidityFinder.FindRepeals(fullText, docNumber),
            Tasks: tasks,
            Deadlines: deadlines,
            References: ReferenceFinder.FindAll(fullText, docNumber))
        {
            Ongoing = ongoing,
            Paragraphs = [.. paragraphs.Select(p => new DocumentParagraph(KindName(p.Kind), p.Text))],
        };
        return (document, fullText);
    }

    /// <summary>The contract's word for a paragraph's kind.</summary>
    private static string KindName(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Heading => "heading",
        ParagraphKind.TableRow => "table",
        ParagraphKind.Signature => "signature",
        _ => "text",
    };

    /// <summary>A copy that starts at its 发文字号 (甘政发〔2022〕9号 on a line of its own above the 主送 line).</summary>
    private static string? NumberOnTop(IReadOnlyList<string> lines)
    {
        var seen = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            if (DocNumber.TryParseWhole(line.Trim()) is { } number) return number;
            if (++seen == 2) break;
        }

        return null;
    }

    private static string? TitleFromHeader(DocumentHeader header)
    {
        if (header.HeaderTitle is null) return null;
        var squashedIssuer = header.Issuer;
        var title = TextShape.CloseCjkGaps(header.HeaderTitle);
        // 聊城市人民政府 关于…的通知 → 关于…的通知; but 聊城市人民政府大事记 keeps its organ: it is part of the name.
        if (squashedIssuer is not null && title.StartsWith(squashedIssuer, StringComparison.Ordinal))
        {
            var rest = title.AsSpan(squashedIssuer.Length).TrimStart();
            if (rest.StartsWith("关于", StringComparison.Ordinal) || rest.StartsWith("印发", StringComparison.Ordinal) || rest.StartsWith("转发", StringComparison.Ordinal))
            {
                title = rest.ToString();
            }
        }

        return title.Trim();
    }

    /// <summary>
    /// Without a signing date, a document's limits resolve in its own year — the first year its title names
    /// (2023年重点工作…), else its number's (厦府办〔2010〕184号), else the first its opening lines name (an untitled
    /// sheet: 印发《广州市2023年…工作方案》) — never in another document's of the same upload.
    /// </summary>
    private static DateOnly? YearOfDocument(string title, string? docNumber, IReadOnlyList<string> lines)
    {
        var year = YearIn(title) ?? (docNumber is null ? null : DocNumber.YearOf(docNumber));
        for (var i = 0; year is null && i < Math.Min(lines.Count, OpeningLines); i++) year = YearIn(lines[i]);
        return year is >= 1949 and <= 2100 ? new DateOnly(year.Value, 1, 1) : null;
    }

    /// <summary>How many lines of an untitled document are looked at for its year.</summary>
    private const int OpeningLines = 12;

    private static int? YearIn(string text)
    {
        var m = TitleYear().Match(text);
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"((?:19|20)\d\d)\s*年")]
    private static partial System.Text.RegularExpressions.Regex TitleYear();

    private static List<Deadline> CollectDeadlines(List<Paragraph> paragraphs, List<ResponsibilityTask> tasks, List<OngoingLimit> ongoing, DateOnly anchor)
    {
        var all = new List<Deadline>();
        var seen = new HashSet<Deadline>();
        foreach (var p in paragraphs)
        {
            if (p.Kind == ParagraphKind.Signature) continue;
            foreach (var d in DeadlineFinder.FindAll(p.Text, anchor))
            {
                if (seen.Add(d)) all.Add(d);
            }
        }

        // Time limits written only in a clause's 完成时限 field are the document's too; a field that wrote a limit with
        // what is due by it (5月底前动工) stands for the bare phrase the text scan found in the same cell (5月底前).
        foreach (var task in tasks)
        {
            foreach (var d in task.Deadlines)
            {
                if (!seen.Add(d)) continue;
                var bare = all.FindIndex(e => LimitField.WritesOut(d, e));
                if (bare >= 0) all[bare] = d;
                else all.Add(d);
            }
        }

        // 年内 read from the text inside a field that sets no end (年内持续推进) is no limit the document sets.
        if (ongoing.Count > 0)
        {
            var kept = tasks.SelectMany(t => t.Deadlines).ToHashSet();
            all.RemoveAll(d => !kept.Contains(d) && ongoing.Exists(o => LimitField.IsInside(o, d)));
        }

        return all;
    }

    private static int FirstAfterLine(List<Paragraph> paragraphs, int line)
    {
        for (var k = 0; k < paragraphs.Count; k++)
        {
            if (paragraphs[k].Line > line) return k;
        }

        return 0;
    }

    private static List<string> SummaryParagraphs(List<Paragraph> paragraphs, int from)
    {
        var texts = new List<string>(paragraphs.Count - from);
        for (var k = from; k < paragraphs.Count; k++)
        {
            if (paragraphs[k].Kind is ParagraphKind.Text or ParagraphKind.Heading) texts.Add(paragraphs[k].Text);
        }

        // A covering notice with nothing attached summarises itself.
        if (texts.Count == 0 && from > 0) return SummaryParagraphs(paragraphs, 0);
        return texts;
    }

    private static string JoinText(List<Paragraph> paragraphs)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(paragraph.Text);
        }

        return sb.ToString();
    }
}
