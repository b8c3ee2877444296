using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing.Toc;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// Finds where each document begins in the body. A document is anchored on its 发文字号 standing alone on a line
/// (the GB/T 9704 header), or, for items without one (大事记, some notices), on its title. The start reaches back over
/// the 版头 (…文件 or the organ's name) and a title printed above the number. A bare doc number in the body that no
/// TOC entry claims starts a document the TOC missed.
/// </summary>
internal static class DocumentLocator
{
    public static List<LocatedDocument> Locate(IReadOnlyList<string> lines, TableOfContents toc, List<string> warnings)
    {
        var bodyStart = toc.BodyStartLine;
        var wholeNumbers = new List<(int Line, string Number)>();
        for (var i = bodyStart; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length is < 6 or > 40 || !line.EndsWith('号')) continue;
            if (DocNumber.TryParseWhole(line) is { } number) wholeNumbers.Add((i, number));
        }

        var used = new HashSet<int>();
        var documents = new List<LocatedDocument>();
        var searchFrom = bodyStart;
        foreach (var entry in toc.Entries)
        {
            var anchor = entry.DocNumber is { } number
                ? FindNumberLine(wholeNumbers, number, used, searchFrom)
                : FindTitleLine(lines, entry.Title, used, searchFrom, bodyStart);
            if (anchor < 0)
            {
                warnings.Add($"「{Describe(entry)}」 is in the table of contents but was not found in the body");
                documents.Add(new LocatedDocument(entry, entry.DocNumber, -1, -1));
                continue;
            }

            used.Add(anchor);
            searchFrom = anchor + 1;
            var docNumber = entry.DocNumber ?? AdoptNumberNear(wholeNumbers, used, anchor);
            documents.Add(new LocatedDocument(entry, docNumber, anchor, ExtendStart(lines, anchor, entry.Title, bodyStart)));
        }

        // Anchors of found documents, to tell a doc number printed right under another's (a set: a hostile upload
        // with thousands of headers made a scan of the list per number quadratic).
        var anchors = documents.Where(d => d.Found).Select(d => d.Anchor).ToHashSet();
        // Warnings about documents the TOC misses wait until copies are told apart: a copy is reported differently.
        var uncatalogued = new List<(LocatedDocument Document, string? Warning)>();
        foreach (var (line, number) in wholeNumbers)
        {
            if (used.Contains(line) || !LooksLikeDocumentHeader(lines, line)) continue;
            if (anchors.Contains(line - 1) || anchors.Contains(line - 2) || anchors.Contains(line - 3)) continue;
            used.Add(line);
            anchors.Add(line);
            var document = new LocatedDocument(null, number, line, ExtendStart(lines, line, null, bodyStart));
            documents.Add(document);
            uncatalogued.Add((document, toc.Entries.Count > 0 ? $"document {number} was found in the body but is missing from the table of contents; it is kept" : null));
        }

        // A 大事记 (chronicle) has no number: its heading and dated entries mark it.
        for (var i = bodyStart; i < lines.Count; i++)
        {
            if (used.Contains(i) || !IsChronicleHeading(lines, i) || anchors.Contains(i)) continue;
            if (documents.Exists(d => d.Toc is { DocNumber: null } t && t.Title.Contains("大事记", StringComparison.Ordinal) && d.Found)) break;
            used.Add(i);
            var chronicle = new LocatedDocument(null, null, i, i);
            documents.Add(chronicle);
            uncatalogued.Add((chronicle, toc.Entries.Count > 0 ? $"「{lines[i]}」 was found in the body but is missing from the table of contents; it is kept" : null));
            break;
        }

        AssignRegions(documents, lines.Count);
        var copies = RemoveCopies(lines, documents, uncatalogued.ConvertAll(u => u.Document));
        foreach (var (document, warning) in uncatalogued)
        {
            if (warning is not null && !copies.ContainsKey(document)) warnings.Add(warning);
        }

        foreach (var group in copies.Values.GroupBy(original => original))
        {
            var count = group.Count();
            warnings.Add(count == 1
                ? $"document {group.Key.DocNumber} is printed twice with the same text; the copy is ignored"
                : $"document {group.Key.DocNumber} is printed {count + 1} times with the same text; the {count} copies are ignored");
        }

        return documents;
    }

    /// <summary>
    /// A document the TOC does not claim whose number and text are those of another document is a copy (a page run
    /// printed twice, or a file pasted together many times over): it is dropped, so that no task is stored or reminded
    /// of twice. Its lines belong to no document. A different text under the same number stays a document of its own.
    /// Returns each copy with the document it copies, in body order.
    /// </summary>
    private static Dictionary<LocatedDocument, LocatedDocument> RemoveCopies(IReadOnlyList<string> lines, List<LocatedDocument> documents, List<LocatedDocument> candidates)
    {
        var copies = new Dictionary<LocatedDocument, LocatedDocument>();
        var byNumber = documents.Where(d => d.Found && d.DocNumber is not null).ToLookup(d => d.DocNumber!, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.DocNumber is null) continue;
            // Against the first few originals only: thousands of different texts under one number stay linear.
            foreach (var other in byNumber[candidate.DocNumber].Where(d => d != candidate && !copies.ContainsKey(d)).Take(3))
            {
                if (!SameLines(lines, candidate, other)) continue;
                copies[candidate] = other;
                break;
            }
        }

        documents.RemoveAll(copies.ContainsKey);
        return copies;
    }

    private static bool SameLines(IReadOnlyList<string> lines, LocatedDocument a, LocatedDocument b)
    {
        if (a.End - a.Start != b.End - b.Start) return false;
        for (var i = 0; i < a.End - a.Start; i++)
        {
            if (!string.Equals(lines[a.Start + i], lines[b.Start + i], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private static int FindNumberLine(List<(int Line, string Number)> wholeNumbers, string number, HashSet<int> used, int from)
    {
        // Prefer the first occurrence after the previous document (body order follows TOC order), else any.
        var fallback = -1;
        foreach (var (line, n) in wholeNumbers)
        {
            if (n != number || used.Contains(line)) continue;
            if (line >= from) return line;
            if (fallback < 0) fallback = line;
        }

        return fallback;
    }

    /// <summary>A TOC that omits the doc number still has it printed under (or over) the title in the body.</summary>
    private static string? AdoptNumberNear(List<(int Line, string Number)> wholeNumbers, HashSet<int> used, int anchor)
    {
        foreach (var (line, number) in wholeNumbers)
        {
            if (Math.Abs(line - anchor) <= 3 && !used.Contains(line))
            {
                used.Add(line);
                return number;
            }
        }

        return null;
    }

    private static int FindTitleLine(IReadOnlyList<string> lines, string title, HashSet<int> used, int from, int bodyStart)
    {
        var target = TextShape.Squash(title);
        if (target.Length < 4) return -1;
        var found = ScanForTitle(lines, target, used, from, lines.Count);
        return found >= 0 ? found : ScanForTitle(lines, target, used, bodyStart, from);
    }

    private static int ScanForTitle(IReadOnlyList<string> lines, string target, HashSet<int> used, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.Length < 4 || line.Length > target.Length + 30 || used.Contains(i)) continue;
            var squashed = TextShape.Squash(line);
            if (TitleMatches(squashed, target)) return i;
            // A title wrapped over two lines: the first holds its start, or the issuer printed in front of it.
            if (!target.StartsWith(squashed, StringComparison.Ordinal) && !LineShapes.IsOrgan(line)) continue;
            var next = NextNonBlank(lines, i);
            if (next > 0 && next - i <= 2 && TitleMatches(squashed + TextShape.Squash(lines[next]), target)) return i;
        }

        return -1;
    }

    /// <summary>
    /// The body prints the title with its issuer in front (聊城市人民政府 关于任免…的通知) or with the period on the next
    /// line (聊城市人民政府大事记 / (2022年6月)); a shorter line must still carry most of the title.
    /// </summary>
    private static bool TitleMatches(string squashedLine, string target)
    {
        if (squashedLine == target) return true;
        if (squashedLine.EndsWith(target, StringComparison.Ordinal) && squashedLine.Length - target.Length <= 24) return true;
        if (squashedLine.StartsWith(target, StringComparison.Ordinal) && squashedLine.Length - target.Length <= 12) return true;
        return target.StartsWith(squashedLine, StringComparison.Ordinal) && squashedLine.Length >= 6 && squashedLine.Length * 3 >= target.Length * 2;
    }

    /// <summary>Reaches back from the anchor over the 版头 and a title printed above the doc number.</summary>
    private static int ExtendStart(IReadOnlyList<string> lines, int anchor, string? title, int bodyStart)
    {
        var start = anchor;
        var squashedTitle = title is null ? null : TextShape.Squash(title);
        var taken = 0;
        for (var i = anchor - 1; i >= bodyStart && taken < 3; i--)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (LineShapes.IsMastheadOfDocument(line))
            {
                start = i;
                break; // the 版头 is always the top
            }

            if (LineShapes.ParseDateLine(line, out _) is not null) break;
            if (squashedTitle is not null && line.Length >= 4 && squashedTitle.Contains(TextShape.Squash(line), StringComparison.Ordinal))
            {
                start = i;
                taken++;
                continue;
            }

            if (LineShapes.IsOrgan(line) && taken < 2)
            {
                start = i;
                break;
            }

            // No TOC title to compare: a title printed above the number (a web page's, or a notice without 版头).
            if (squashedTitle is null && taken == 0 && (SingleDocument.IsTitle(line) || IsTitleOverTwoLines(lines, i, bodyStart)))
            {
                start = StartOfWrappedTitle(lines, i, bodyStart);
                taken++;
                continue;
            }

            break;
        }

        return start;
    }

    private static bool IsChronicleHeading(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i];
        if (line.Length is < 3 or > 30 || !line.Contains("大事记", StringComparison.Ordinal) || line.Contains('。')) return false;
        var seen = 0;
        for (var j = i + 1; j < lines.Count && seen < 3; j++)
        {
            if (lines[j].Length == 0) continue;
            if (Numbering.StartsBlock(lines[j])) return true;
            seen++;
        }

        return false;
    }

    /// <summary>A bare doc number that starts a document: under a 版头, organ line or title, or above a title.</summary>
    private static bool LooksLikeDocumentHeader(IReadOnlyList<string> lines, int line)
    {
        for (var i = line - 1; i >= 0 && i >= line - 3; i--)
        {
            if (lines[i].Length == 0) continue;
            if (LineShapes.IsMastheadOfDocument(lines[i]) || LineShapes.IsOrgan(lines[i]) || SingleDocument.IsTitle(lines[i])) return true;
            if (IsTitleOverTwoLines(lines, i, 0)) return true;
            break;
        }

        var next = NextNonBlank(lines, line);
        if (next < 0) return false;
        var text = lines[next];
        return text.Length <= 80 && (text.Contains("关于", StringComparison.Ordinal) || text.Contains("印发", StringComparison.Ordinal));
    }

    /// <summary>The last line of a title wrapped over two lines (省人民政府关于 / 进一步优化营商环境的若干意见).</summary>
    private static bool IsTitleOverTwoLines(IReadOnlyList<string> lines, int last, int from)
    {
        var previous = PreviousNonBlank(lines, last, from);
        return previous >= 0 && last - previous <= 2 && SingleDocument.IsWrappedTitle(lines[previous], lines[last]);
    }

    private static int StartOfWrappedTitle(IReadOnlyList<string> lines, int last, int from) =>
        IsTitleOverTwoLines(lines, last, from) ? PreviousNonBlank(lines, last, from) : last;

    private static int PreviousNonBlank(IReadOnlyList<string> lines, int i, int from)
    {
        for (var j = i - 1; j >= from; j--)
        {
            if (lines[j].Length > 0) return j;
        }

        return -1;
    }

    /// <summary>Each found document's region ends where the next one starts; TOC pages give each its page range.</summary>
    public static void AssignRegions(List<LocatedDocument> documents, int lineCount)
    {
        var found = documents.FindAll(d => d.Found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var k = 0; k < found.Count; k++)
        {
            found[k].End = k + 1 < found.Count ? found[k + 1].Start : lineCount;
        }

        // Page ranges from the TOC, in TOC order: a document may share its last page with the next one's first.
        var paged = documents.FindAll(d => d.Toc?.Page is not null);
        for (var k = 0; k < paged.Count; k++)
        {
            var first = paged[k].Toc!.Page!.Value;
            var last = k + 1 < paged.Count ? Math.Max(first, paged[k + 1].Toc!.Page!.Value) : int.MaxValue;
            paged[k].Pages = (first, last);
        }
    }

    private static int NextNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0) return j;
        }

        return -1;
    }

    public static string Describe(TocEntry entry) => entry.DocNumber is null ? entry.Title : $"{entry.DocNumber} {entry.Title}";
}
