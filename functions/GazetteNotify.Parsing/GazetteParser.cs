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

    public static ParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        var decoded = IssueTextDecoder.Decode(bytes);
        if (!decoded.Succeeded) return new ParseResult(null, decoded.Error, decoded.Encoding, []);
        return Guarded(decoded.Lines!, decoded.Encoding, decoded.Warnings);
    }

    /// <summary>Parses text that is already decoded.</summary>
    public static ParseResult ParseText(string text) => Guarded(LineNormalizer.Normalize(text), "UTF-16", []);

    private static ParseResult Guarded(string[] lines, string encoding, IReadOnlyList<string> decodeWarnings)
    {
        try
        {
            return ParseLines(lines, encoding, decodeWarnings);
        }
#pragma warning disable CA1031 // The parser must never take a host down: an unexpected failure is a recorded rejection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ParseResult(null, $"the parser failed on this file ({e.GetType().Name}: {e.Message})", encoding, []);
        }
    }

    private static ParseResult ParseLines(string[] lines, string encoding, IReadOnlyList<string> decodeWarnings)
    {
        if (CountCjk(lines) < MinimumCjkCharacters)
        {
            return new ParseResult(null, "the file holds almost no Chinese text: it is not a gazette issue", encoding, []);
        }

        var warnings = new List<string>(decodeWarnings);
        var toc = TocParser.Parse(lines);
        var masthead = MastheadParser.Parse(lines, toc.HeadingLine, warnings);
        if (toc.Entries.Count == 0) warnings.Add("no table of contents (目录) found; documents were found by their headers only");

        PageFurniture.Blank(lines, toc.BodyStartLine, masthead.Title);
        var located = DocumentLocator.Locate(lines, toc, warnings);
        if (!located.Exists(d => d.Found) && toc.Entries.Count == 0)
        {
            return new ParseResult(null, "no table of contents and no document header (发文字号) found: this does not look like a gazette issue", encoding, []);
        }

        var texts = ContinuationStitcher.Stitch(lines, located, warnings);
        var fallbackAnchor = FallbackAnchor(masthead, lines, toc);
        masthead = WithYear(masthead, fallbackAnchor, warnings);
        var documents = new List<GazetteDocument>(located.Count);
        var documentTexts = new List<string>(located.Count);
        var order = DocumentOrder(located);
        var section = "";
        foreach (var index in order)
        {
            var document = located[index];
            section = document.Toc?.Section ?? section;
            var (extracted, documentText) = DocumentExtractor.Extract(document, texts[index], section, fallbackAnchor, warnings);
            documents.Add(extracted);
            documentTexts.Add(documentText);
        }

        return new ParseResult(new GazetteIssue(masthead, documents, warnings), null, encoding, documentTexts);
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
    /// date printed in the issue's year. Nothing here reads the clock, so the same bytes always parse the same.
    /// </summary>
    private static DateOnly FallbackAnchor(GazetteMasthead masthead, string[] lines, TableOfContents toc)
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
        if (masthead.Year > 0) return new DateOnly(masthead.Year, 1, 1);
        return latest != DateOnly.MinValue ? latest : new DateOnly(2000, 1, 1);
    }

    /// <summary>A cover without a year takes it from the documents: the latest signing date.</summary>
    private static GazetteMasthead WithYear(GazetteMasthead masthead, DateOnly anchor, List<string> warnings)
    {
        if (masthead.Year > 0 || anchor.Year <= 2000) return masthead;
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
