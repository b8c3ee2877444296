using GazetteNotify.Parsing.Toc;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// Where one document sits in the lines. Toc is null for a document found only in the body.
/// Lines [Start, End) are its region; Anchor is its doc-number line (or title line when it has no number).
/// </summary>
internal sealed class LocatedDocument(TocEntry? toc, string? docNumber, int anchor, int start)
{
    public TocEntry? Toc { get; } = toc;

    /// <summary>The doc number from the TOC, or the one printed next to the title when the TOC gave none.</summary>
    public string? DocNumber { get; set; } = docNumber;

    public int Anchor { get; } = anchor;

    public int Start { get; } = start;

    public int End { get; set; }

    public bool Found => Anchor >= 0;

    /// <summary>The web page's information table printed above a single document (its fields stand in for a header it lacks).</summary>
    public PageInfo Info { get; set; } = PageInfo.None;

    /// <summary>
    /// The document's lines start with its body: its title is printed only in the page's information table, or nowhere
    /// (a responsibility sheet copied without its heading).
    /// </summary>
    public bool StartsWithBody { get; init; }

    /// <summary>A title found in the document's text rather than at its start (the plan under a covering notice).</summary>
    public string? Title { get; init; }

    /// <summary>The printed pages this document may occupy, from the TOC: its first page up to the next document's first page.</summary>
    public (int First, int Last)? Pages { get; set; }
}
