namespace GazetteNotify.Parsing.Toc;

/// <summary>One line-item of the table of contents: its section, title, doc number (if any) and page.</summary>
internal sealed record TocEntry(string Section, string Title, string? DocNumber, int? Page);

/// <summary>The table of contents and where the body begins.</summary>
internal sealed record TableOfContents(IReadOnlyList<TocEntry> Entries, int HeadingLine, int BodyStartLine)
{
    public static readonly TableOfContents None = new([], -1, 0);
}
