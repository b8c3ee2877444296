using AngleSharp.Dom;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// Finds the element holding a page's article. Chinese government CMSs (TRS, Hanweb, UCAP…) put it in a container of a
/// known name (#zoom, .TRS_Editor, #UCAP-CONTENT…); the first of those that holds real text wins, the one with the most
/// text when a name is used twice. Otherwise the densest block of paragraphs: each paragraph's own text (not its links)
/// counts for the block around it, and half for the block around that.
/// </summary>
internal static class ArticleLocator
{
    /// <summary>In the order sites use them: the specific names of the big CMSs before the generic ones.</summary>
    private static readonly string[] Containers =
    [
        "#zoom", "#Zoom", ".TRS_Editor", "#UCAP-CONTENT", ".UCAP-CONTENT", ".article-content", ".pages_content", "#pages_content",
        ".Custom_UnionStyle", "#fontzoom", ".wzzw", ".zwnr", "#zwnr", ".article_con", ".art_con", ".detail-content",
        ".news_content", "#content", ".view", "article", ".article", "#article", ".content", ".main-content",
    ];

    /// <summary>Fewer Chinese characters than this in a container is an empty shell (a template's placeholder), not the article.</summary>
    private const int MinimumContainerText = 20;

    public static IElement? Find(IDocument document)
    {
        if (document.Body is not { } body) return null;
        foreach (var selector in Containers)
        {
            IElement? best = null;
            var bestCount = MinimumContainerText - 1;
            foreach (var candidate in body.QuerySelectorAll(selector))
            {
                var count = CjkCount(candidate.TextContent);
                if (count > bestCount)
                {
                    best = candidate;
                    bestCount = count;
                }
            }

            if (best is not null) return best;
        }

        return Densest(body);
    }

    public static int CjkCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (TextShape.IsCjk(c)) count++;
        }

        return count;
    }

    private static IElement? Densest(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var block in body.QuerySelectorAll("p, div, td, pre, section, article, li, font, span"))
        {
            if (PageCleaner.IsNotText(block)) continue;
            var own = OwnText(block);
            if (own < 10) continue;
            // A paragraph credits its container; a div or cell holding text lines between <br>s is a container itself.
            var container = block.LocalName is "p" or "span" or "font" or "li" ? block.ParentElement : block;
            if (container is null) continue;
            scores[container] = scores.GetValueOrDefault(container) + own;
            if (container.ParentElement is { } outer) scores[outer] = scores.GetValueOrDefault(outer) + own / 2.0;
        }

        return scores.Count == 0 ? null : scores.MaxBy(s => s.Value).Key;
    }

    /// <summary>Chinese characters in an element's own text nodes and inline children, links not counted.</summary>
    private static int OwnText(IElement element)
    {
        var count = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text) count += CjkCount(text.Data);
            else if (child is IElement inline && inline.LocalName is "span" or "font" or "strong" or "b" or "em" or "i" or "u" or "sub" or "sup") count += CjkCount(inline.TextContent);
        }

        return count;
    }
}
