using GazetteNotify.Parsing.Body;
using GazetteNotify.Parsing.Documents;
using GazetteNotify.Parsing.Masthead;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing.Toc;

namespace GazetteNotify.Parsing;

/// <summary>
/// The bytes of one uploaded issue → a <see cref="GazetteIssue"/>: decode, normalise lines, read the masthead and the
/// table of contents, locate each document in the body, stitch continued fragments back, then extract each document.
/// Anything that cannot be placed becomes a warning; only input that is not a gazette issue at all is rejected.
/// </summary>
public static class GazetteParser
{
    /// <summary>Fewer CJK characters than this cannot be an issue of a Chinese gazette.</summary>
    private const int MinimumCjkCharacters = 50;

    /// <summary>
    /// Far beyond any real issue (the samples hold at most 9 documents, 161 tasks and 110 task time limits, a clause at
    /// most 12 units). Past them an upload is refused as implausible — a repetition or a forged file — before it can
    /// write hundreds of thousands of rows or remind a department of every one of them.
    /// </summary>
    public const int MaxDocuments = 500;

    public const int MaxTasks = 5_000;

    public const int MaxTaskDeadlines = 10_000;

    /// <summary>A refusal is one line of at most this many characters: it is shown in lists, logs and blob metadata.</summary>
    public const int MaxReasonLength = 280;

    public static ParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        DecodedText decoded;
        try
        {
            decoded = IssueTextDecoder.Decode(bytes);
        }
#pragma warning disable CA1031 // The parser must never take a host down: an unexpected failure is a recorded rejection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Refused($"the file could not be decoded ({e.GetType().Name}: {e.Message})", "unknown");
        }

        if (!decoded.Succeeded) return Refused(decoded.Error!, decoded.Encoding);
        return Guarded(decoded.Lines!, decoded.Encoding, decoded.Warnings);
    }

    /// <summary>Parses text that is already decoded.</summary>
    public static ParseResult ParseText(string text) => Guarded(LineNormalizer.Normalize(text), "UTF-16", []);

    private static ParseResult Guarded(string[] lines, string encoding, IReadOnlyList<string> decodeWarnings)
    {
        try
        {
            var result = ParseLines(lines, encoding, decodeWarnings);
            return result.Rejection is { } reason ? Refused(reason, encoding) : result;
        }
#pragma warning disable CA1031 // The parser must never take a host down: an unexpected failure is a recorded rejection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Refused($"the parser failed on this file ({e.GetType().Name}: {e.Message})", encoding);
        }
    }

    /// <summary>
    /// A refusal as one line of plain text: line breaks and other control characters (an exception's message may hold
    /// them, a reason may quote the upload) become spaces, and it is cut to <see cref="MaxReasonLength"/> characters.
    /// </summary>
    private static ParseResult Refused(string reason, string encoding)
    {
        var sb = new System.Text.StringBuilder(Math.Min(reason.Length, MaxReasonLength + 1));
        foreach (var c in reason)
        {
            if (sb.Length > MaxReasonLength) break;
            var blank = char.IsControl(c) || c is '\u2028' or '\u2029' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
            if (blank && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(blank ? ' ' : c);
        }

        var line = sb.ToString().Trim();
        if (line.Length > MaxReasonLength) line = line[..(MaxReasonLength - 1)].TrimEnd() + "…";
        return new ParseResult(null, line.Length > 0 ? line : "the file is not a readable gazette issue", encoding, []);
    }

    /// <summary>A refusal found while parsing; <see cref="Guarded"/> makes it one line.</summary>
    private static ParseResult Rejected(string reason, string encoding) => new(null, reason, encoding, []);

    private static ParseResult ParseLines(string[] lines, string encoding, IReadOnlyList<string> decodeWarnings)
    {
        if (CountCjk(lines) < MinimumCjkCharacters)
        {
            return Rejected("the file holds almost no Chinese text: it is not a gazette issue", encoding);
        }

        var warnings = new List<string>(decodeWarnings);
        var restored = FlattenedLines.Restore(lines);
        if (restored.Length != lines.Length)
        {
            warnings.Add(FormattableString.Invariant($"the text had lost its line breaks (a flattened web page?): {restored.Length - lines.Length:N0} were restored at the spaces between Chinese characters"));
            lines = restored;
        }

        var glosses = PinyinGlosses.Strip(lines);
        if (glosses > 0)
        {
            warnings.Add(FormattableString.Invariant($"{glosses:N0} pinyin readings in brackets after characters (a mirror site's annotations, 發(fā)) were removed"));
        }

        OriginalText? original = null;
        if (TraditionalScript.IsTraditional(lines))
        {
            original = new OriginalText("traditional", string.Join('\n', lines));
            var changed = TraditionalScript.Simplify(lines);
            warnings.Add(FormattableString.Invariant($"the text is in traditional characters: it was read as simplified ({changed:N0} characters converted); the upload keeps the original"));
        }

        var toc = TocParser.Parse(lines);
        if (toc.Entries.Count > MaxDocuments)
        {
            return Rejected(FormattableString.Invariant($"the table of contents lists {toc.Entries.Count:N0} entries, more than the {MaxDocuments} documents one issue can hold: refused as implausible"), encoding);
        }

        var coverWarnings = new List<string>();
        var masthead = MastheadParser.Parse(lines, toc.HeadingLine, coverWarnings);
        if (string.IsNullOrEmpty(masthead.Title) && masthead.IssueNumbers.Count == 0 && toc.Entries.Count == 0)
        {
            // Not an issue of a gazette: no title, year or numbers of one (the contract's single-document form), and
            // nothing to warn about a cover it never had.
            masthead = GazetteMasthead.None;
        }
        else
        {
            warnings.AddRange(coverWarnings);
            if (toc.Entries.Count == 0) warnings.Add("no table of contents (目录) found; documents were found by their headers only");
        }

        PageFurniture.Blank(lines, toc.BodyStartLine, masthead.Title ?? "");
        var located = DocumentLocator.Locate(lines, toc, warnings);
        var pageInfo = toc.Entries.Count == 0 ? PageInfo.Read(lines, lines.Length) : PageInfo.None;
        if (!located.Exists(d => d.Found) && toc.Entries.Count == 0)
        {
            // No TOC and no 发文字号 header: a single document (or several pasted together) found by its title.
            located = SingleDocument.Locate(lines, toc.BodyStartLine, pageInfo, warnings);
        }

        if (!pageInfo.IsEmpty && located.Count(d => d.Found) == 1) located.Find(d => d.Found)!.Info = pageInfo;

        if (!located.Exists(d => d.Found))
        {
            if (toc.Entries.Count > 0)
            {
                // Rows for documents without a word of text would replace a complete issue stored under the same key.
                return Rejected($"only a table of contents: none of its {toc.Entries.Count} documents was found in the body (is the file cut short?)", encoding);
            }

            return Rejected(OneLongLine(lines) is { } length
                ? FormattableString.Invariant($"the file is one line of {length:N0} characters: its line breaks were lost, so no table of contents or document header (发文字号) can be found")
                : "no table of contents, no document header (发文字号) and no document title (关于…的通知) found: this does not look like a gazette issue or a government document", encoding);
        }

        if (located.Count > MaxDocuments)
        {
            return Rejected(FormattableString.Invariant($"the file holds {located.Count:N0} documents, more than the {MaxDocuments} one issue can hold: refused as implausible"), encoding);
        }

        var texts = ContinuationStitcher.Stitch(lines, located, warnings);
        var fallbackAnchor = FallbackAnchor(masthead, lines, toc);
        masthead = WithYear(masthead, fallbackAnchor, warnings);
        var documents = new List<GazetteDocument>(located.Count);
        var documentTexts = new List<string>(located.Count);
        var order = DocumentOrder(located);
        var section = "";
        int tasks = 0, taskDeadlines = 0;
        foreach (var index in order)
        {
            var document = located[index];
            section = document.Toc?.Section ?? section;
            var (extracted, documentText) = DocumentExtractor.Extract(document, texts[index], section, fallbackAnchor, warnings);
            if (Implausible(extracted, ref tasks, ref taskDeadlines) is { } why) return Rejected(why, encoding);
            documents.Add(extracted);
            documentTexts.Add(documentText);
        }

        return new ParseResult(new GazetteIssue(masthead, documents, warnings) { Original = original }, null, encoding, documentTexts);
    }

    /// <summary>Why a document makes the issue implausible (too many tasks or limits so far, a clause naming hundreds of units), or null.</summary>
    private static string? Implausible(GazetteDocument document, ref int tasks, ref int taskDeadlines)
    {
        var name = document.DocNumber ?? (document.Title.Length > 40 ? document.Title[..40] + "…" : document.Title);
        tasks += document.Tasks.Count;
        if (tasks > MaxTasks)
        {
            return FormattableString.Invariant($"the file holds more than {MaxTasks:N0} responsibility tasks ({document.Tasks.Count:N0} in 「{name}」 alone), far beyond any real issue: refused as implausible");
        }

        foreach (var task in document.Tasks)
        {
            taskDeadlines += task.Deadlines.Count;
            if (task.Lead.Count + task.Support.Count >= Tasks.UnitSplitter.MaxEntries)
            {
                return $"a responsibility clause in 「{name}」 names {Tasks.UnitSplitter.MaxEntries} units or more, which no real clause does: refused as implausible";
            }
        }

        return taskDeadlines > MaxTaskDeadlines
            ? FormattableString.Invariant($"the file holds more than {MaxTaskDeadlines:N0} time limits of tasks (up to 「{name}」), far beyond any real issue: refused as implausible")
            : null;
    }

    /// <summary>The length of the text when it is (almost) all on one line of over 10,000 characters: line breaks lost in extraction.</summary>
    private static int? OneLongLine(string[] lines)
    {
        var longest = 0;
        var nonBlank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            nonBlank++;
            longest = Math.Max(longest, line.Length);
        }

        return nonBlank <= 3 && longest > 10_000 ? longest : null;
    }

    /// <summary>TOC order; a document found only in the body goes right after the document printed before it.</summary>
    private static List<int> DocumentOrder(List<LocatedDocument> located)
    {
        var order = new List<int>(located.Count);
        for (var i = 0; i < located.Count; i++)
        {
            if (located[i].Toc is not null) order.Add(i);
        }

        for (var i = 0; i < located.Count; i++)
        {
            if (located[i].Toc is not null) continue;
            var before = -1;
            for (var k = 0; k < order.Count; k++)
            {
                var other = located[order[k]];
                if (other.Found && other.Start < located[i].Start) before = k;
            }

            order.Insert(before + 1, i);
        }

        return order;
    }

    /// <summary>
    /// When a document has no signing date, its time limits resolve against the issue's own date: the latest signing
    /// date printed in the issue's year; null when the upload prints no year at all. Nothing here reads the clock, so
    /// the same bytes always parse the same.
    /// </summary>
    private static DateOnly? FallbackAnchor(GazetteMasthead masthead, string[] lines, TableOfContents toc)
    {
        var latest = DateOnly.MinValue;
        var latestInYear = DateOnly.MinValue;
        for (var i = toc.BodyStartLine; i < lines.Length; i++)
        {
            if (lines[i].Length is 0 or > 48) continue;
            if (LineShapes.ParseDateLine(lines[i], out _) is not { } date) continue;
            if (date > latest) latest = date;
            if (date.Year == masthead.Year && date > latestInYear) latestInYear = date;
        }

        if (latestInYear != DateOnly.MinValue) return latestInYear;
        if (masthead.Year is > 0 and var year) return new DateOnly(year, 1, 1);
        return latest != DateOnly.MinValue ? latest : null;
    }

    /// <summary>A cover without a year takes it from the documents: the latest signing date.</summary>
    private static GazetteMasthead WithYear(GazetteMasthead masthead, DateOnly? latestSigned, List<string> warnings)
    {
        if (masthead.Year > 0 || latestSigned is not { } anchor || !masthead.IsIssue) return masthead;
        warnings.Add($"no year on the cover; {anchor.Year} taken from the latest signing date");
        return masthead with { Year = anchor.Year };
    }

    private static int CountCjk(string[] lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            foreach (var c in line)
            {
                if (TextShape.IsCjk(c) && ++count >= MinimumCjkCharacters) return count;
            }
        }

        return count;
    }
}
