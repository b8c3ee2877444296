using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// A saved government web page → the text the parser reads: the page's information table as `label：value` lines, the
/// document's title when the page prints it above the article, then the article's paragraphs and tables. The page is
/// parsed with AngleSharp and only its text is read: nothing runs, no link is followed, no markup or script reaches the
/// output. A page without an article (a login or an error page, an index) is refused in one line.
/// </summary>
public static partial class HtmlUploadReader
{
    /// <summary>The parser's own floor: fewer Chinese characters than this cannot be a government document.</summary>
    private const int MinimumArticleCjk = 50;

    /// <summary>Above this many lines into the article, a heading is the article's own title already.</summary>
    private const int TitleSearchLines = 6;

    public static UploadText Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (html, _, warnings) = HtmlCharset.Decode(bytes);
        if (MarkupNesting.IsTooDeep(html))
        {
            return UploadText.Refuse(UploadFormat.Html, FormattableString.Invariant($"the web page nests its markup over {MarkupNesting.MaxDepth:N0} levels deep, which no real page does: refused as unsafe to read"), warnings);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);

        var article = ArticleLocator.Find(document);
        var info = PageInfoBlock.Take(document, article);
        if (article is null || ArticleLocator.CjkCount(article.TextContent) < MinimumArticleCjk)
        {
            return UploadText.Refuse(UploadFormat.Html, PageRefusal.Reason(document), warnings);
        }

        PageCleaner.RemoveFurniture(document, [article]);
        var heading = Heading(document, article);

        var writer = new HtmlLineWriter();
        writer.Write(article);
        writer.EndLine(force: false);
        var articleLines = writer.Lines.Where(l => !PageCleaner.IsFurnitureLine(l)).ToList();

        var lines = new List<string>(info);
        if (info.Count > 0) lines.Add("");
        // The article's opening lines together: a title the article prints over two lines is still its title.
        if (heading is not null && !Compact(string.Concat(articleLines.Where(l => l.Length > 0).Take(TitleSearchLines))).Contains(Compact(heading), StringComparison.Ordinal))
        {
            lines.Add(heading);
            lines.Add("");
        }

        AddCollapsingBlanks(lines, articleLines);
        return UploadText.Read(UploadFormat.Html, string.Join('\n', lines).Trim('\n'), warnings);
    }

    /// <summary>
    /// The document's title as the page prints it above the article (an h1–h3, or an element named title), when the
    /// article itself does not begin with it: many sites keep the title out of the article container. A heading counts
    /// only when the page's &lt;title&gt; agrees ("关于…的通知_聊城市人民政府" starts with it), so a site logo, a column
    /// name or a sidebar's heading is never taken for the document's title.
    /// </summary>
    private static string? Heading(IDocument document, IElement article)
    {
        var pageTitle = Compact(TitleSeparators().Split(document.Title ?? "").FirstOrDefault(p => p.Trim().Length > 0) ?? "");
        if (ArticleLocator.CjkCount(pageTitle) < 6) return null;
        string? heading = null;
        foreach (var element in document.Body?.QuerySelectorAll("h1, h2, h3, [class*=title i], [id*=title i]") ?? Enumerable.Empty<IElement>())
        {
            if (element.Contains(article) || article.Contains(element) || PageCleaner.IsNotText(element)) continue;
            // Only headings before the article: a later one is a sidebar's or the footer's.
            if ((element.CompareDocumentPosition(article) & DocumentPositions.Following) == 0) continue;
            var text = HtmlLineWriter.OneLine(element, 0);
            var compact = Compact(text);
            if (text.Length <= 100 && ArticleLocator.CjkCount(text) >= 6 && (pageTitle.Contains(compact, StringComparison.Ordinal) || compact.Contains(pageTitle, StringComparison.Ordinal)))
            {
                heading = text;
            }
        }

        return heading;
    }

    /// <summary>What sites put between the page's own title and the site's name in &lt;title&gt;.</summary>
    [GeneratedRegex(@"\s[-–—|｜]\s|[_|｜–—]")]
    private static partial Regex TitleSeparators();

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A page's spacing markup (&lt;p&gt;&amp;nbsp;&lt;/p&gt;, &lt;br&gt;&lt;br&gt;) is no text: runs of blank lines become one.</summary>
    private static void AddCollapsingBlanks(List<string> lines, List<string> articleLines)
    {
        foreach (var line in articleLines)
        {
            if (line.Length == 0 && lines.Count > 0 && lines[^1].Length == 0) continue;
            lines.Add(line);
        }
    }
}
