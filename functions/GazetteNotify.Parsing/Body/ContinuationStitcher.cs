namespace GazetteNotify.Parsing.Body;

/// <summary>
/// Puts continued text back where it belongs. A document that runs out of room ends with （下转第N页）; its rest is
/// printed as a fragment that opens with （上接第M页） on page N, often inside another document (before or after it).
/// Each fragment is cut out of its host and joined to the document whose （下转） marker and page range it fits.
/// </summary>
internal static class ContinuationStitcher
{
    private sealed record Fragment(int Host, int FromPage, List<string> Lines);

    private sealed record Marker(int Owner, int LineInDocument, int ToPage);

    public static List<string>[] Stitch(IReadOnlyList<string> lines, List<LocatedDocument> documents, List<string> warnings)
    {
        var texts = new List<string>[documents.Count];
        var fragments = new List<Fragment>();
        for (var d = 0; d < documents.Count; d++)
        {
            texts[d] = CutFragments(lines, documents[d], d, fragments);
        }

        var markers = new List<Marker>();
        for (var d = 0; d < documents.Count; d++)
        {
            var own = texts[d];
            for (var i = 0; i < own.Count; i++)
            {
                var m = LineShapes.ContinuedOn(own[i]);
                if (!m.Success) continue;
                markers.Add(new Marker(d, i, int.Parse(m.Groups["page"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)));
                own[i] = string.Concat(own[i].AsSpan(0, m.Index), own[i].AsSpan(m.Index + m.Length)).TrimEnd();
            }
        }

        var pairs = Pair(markers, fragments, documents);
        // Insert from the last marker of each document backwards so earlier line indices stay valid.
        var placed = new bool[fragments.Count];
        foreach (var (marker, fragmentIndex) in pairs.OrderByDescending(p => p.Marker.LineInDocument))
        {
            Splice(texts[marker.Owner], marker.LineInDocument, fragments[fragmentIndex].Lines);
            placed[fragmentIndex] = true;
        }

        foreach (var marker in markers)
        {
            if (!pairs.Exists(p => p.Marker == marker))
            {
                warnings.Add($"「{Name(documents[marker.Owner])}」 continues on page {marker.ToPage} (下转), but no matching （上接） fragment was found");
            }
        }

        for (var f = 0; f < fragments.Count; f++)
        {
            if (placed[f]) continue;
            var fragment = fragments[f];
            var owner = OwnerByPage(documents, fragment.FromPage, fragment.Host);
            if (owner >= 0)
            {
                texts[owner].AddRange(fragment.Lines);
                warnings.Add($"a fragment continued from page {fragment.FromPage} (上接) had no matching （下转） marker; appended to 「{Name(documents[owner])}」 by its page");
            }
            else
            {
                texts[fragment.Host].AddRange(fragment.Lines);
                warnings.Add($"a fragment continued from page {fragment.FromPage} (上接) could not be placed; left in 「{Name(documents[fragment.Host])}」");
            }
        }

        return texts;
    }

    /// <summary>
    /// Inserts a fragment after the line that carried its （下转） marker. The marker usually cuts a sentence (…非法用工 /
    /// 单位，由用工…), so unless that line ended a sentence the fragment's first line is joined onto it.
    /// </summary>
    private static void Splice(List<string> own, int markerLine, List<string> fragment)
    {
        var first = 0;
        while (first < fragment.Count && fragment[first].Length == 0) first++;
        var insertAt = markerLine + 1;
        var line = own[markerLine];
        if (first < fragment.Count && line.Length > 0 && !EndsSentence(line) && !Numbering.StartsBlock(fragment[first]))
        {
            own[markerLine] = Text.TextShape.JoinWrapped(line, fragment[first]);
            own.InsertRange(insertAt, fragment.GetRange(first + 1, fragment.Count - first - 1));
            return;
        }

        own.InsertRange(insertAt, fragment);
    }

    private static bool EndsSentence(string line) => line[^1] is '。' or '；' or '！' or '？' or '：' or ';' or '!' or '?' or ':';

    /// <summary>Copies a document's region, moving each （上接） fragment out into <paramref name="fragments"/>.</summary>
    private static List<string> CutFragments(IReadOnlyList<string> lines, LocatedDocument document, int index, List<Fragment> fragments)
    {
        var own = new List<string>(document.Found ? document.End - document.Start : 0);
        if (!document.Found) return own;
        var attachmentTitles = new List<string>();
        for (var i = document.Start; i < document.End; i++)
        {
            var line = lines[i];
            var from = LineShapes.ContinuedFrom(line);
            if (!from.Success)
            {
                own.Add(line);
                CollectAttachmentTitle(line, attachmentTitles);
                continue;
            }

            var page = int.Parse(from.Groups["page"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var fragmentLines = new List<string> { line[from.Length..] };
            var end = FragmentEnd(lines, i + 1, document.End, attachmentTitles, fragmentLines);
            fragments.Add(new Fragment(index, page, fragmentLines));
            i = end - 1;
        }

        return own;
    }

    /// <summary>
    /// A fragment runs until the next （上接） fragment, through a signature and its date, through an 附件 list, or up to
    /// a line that names one of the host's own attachments; otherwise to the end of the host's region.
    /// </summary>
    private static int FragmentEnd(IReadOnlyList<string> lines, int from, int regionEnd, List<string> hostAttachments, List<string> into)
    {
        var sawAttachmentList = false;
        for (var i = from; i < regionEnd; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                into.Add(line);
                continue;
            }

            if (LineShapes.ContinuedFrom(line).Success) return i;
            if (sawAttachmentList && !AttachmentListContinuation(line)) return i;
            if (hostAttachments.Count > 0 && NamesAttachment(line, hostAttachments)) return i;

            into.Add(line);
            if (LineShapes.ParseDateLine(line, out _) is not null && PreviousIsOrgan(into)) return i + 1;
            if (line.StartsWith("附件", StringComparison.Ordinal)) sawAttachmentList = true;
        }

        return regionEnd;
    }

    private static bool PreviousIsOrgan(List<string> into)
    {
        for (var k = into.Count - 2; k >= 0; k--)
        {
            if (into[k].Length == 0) continue;
            return LineShapes.IsOrgan(into[k]);
        }

        return false;
    }

    private static bool AttachmentListContinuation(string line) =>
        line.Length <= 60 && line.Length > 0 && char.IsAsciiDigit(line[0]) && !line.Contains('。');

    /// <summary>附件：1. 聊城市…名单 / 2. …流程图 — the titles a host's attachments will carry.</summary>
    private static void CollectAttachmentTitle(string line, List<string> titles)
    {
        var text = line.StartsWith("附件", StringComparison.Ordinal) ? line.TrimStart('附', '件', '：', ':', ' ') : line;
        if (!ReferenceEquals(text, line) || titles.Count > 0 && AttachmentListContinuation(line))
        {
            var t = Text.TextShape.Squash(text.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '．', '、', ' '));
            var cut = t.IndexOf('（');
            if (cut > 4) t = t[..cut];
            if (t.Length >= 4) titles.Add(t);
        }
    }

    private static bool NamesAttachment(string line, List<string> titles)
    {
        if (line.Length > 60) return false;
        var squashed = Text.TextShape.Squash(line);
        foreach (var title in titles)
        {
            if (squashed.StartsWith(title, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Pairs markers with fragments: both page conditions first, then one, then order of appearance.</summary>
    private static List<(Marker Marker, int Fragment)> Pair(List<Marker> markers, List<Fragment> fragments, List<LocatedDocument> documents)
    {
        var candidates = new List<(int Score, int Marker, int Fragment)>();
        for (var m = 0; m < markers.Count; m++)
        {
            for (var f = 0; f < fragments.Count; f++)
            {
                var marker = markers[m];
                var fragment = fragments[f];
                var ownerFits = Contains(documents[marker.Owner].Pages, fragment.FromPage);
                var hostFits = Contains(documents[fragment.Host].Pages, marker.ToPage);
                var score = (ownerFits == true ? 2 : ownerFits is null ? 1 : -10) + (hostFits == true ? 2 : hostFits is null ? 1 : -1);
                if (fragment.Host == marker.Owner && documents[marker.Owner].Pages is not null) score -= 3;
                if (score > 0) candidates.Add((score, m, f));
            }
        }

        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : a.Marker != b.Marker ? a.Marker.CompareTo(b.Marker) : a.Fragment.CompareTo(b.Fragment));
        var markerTaken = new bool[markers.Count];
        var fragmentTaken = new bool[fragments.Count];
        var pairs = new List<(Marker, int)>();
        foreach (var (_, m, f) in candidates)
        {
            if (markerTaken[m] || fragmentTaken[f]) continue;
            markerTaken[m] = fragmentTaken[f] = true;
            pairs.Add((markers[m], f));
        }

        return pairs;
    }

    private static bool? Contains((int First, int Last)? pages, int page) =>
        pages is { } p ? page >= p.First && page <= p.Last : null;

    private static int OwnerByPage(List<LocatedDocument> documents, int page, int host)
    {
        for (var d = 0; d < documents.Count; d++)
        {
            if (d != host && documents[d].Found && Contains(documents[d].Pages, page) == true) return d;
        }

        return -1;
    }

    private static string Name(LocatedDocument document) =>
        document.Toc is { } toc ? DocumentLocator.Describe(toc) : document.DocNumber ?? "?";
}
