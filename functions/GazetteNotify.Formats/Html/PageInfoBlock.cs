using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// The information table a government site prints above a document (政府信息公开: 索引号, 发布机构, 发文字号, 标题/名称,
/// 成文日期, 发布日期…), as a table, a list or a row of spans. It is read as `label：value` lines, the form the parser's
/// page-info reader takes, so that a 发文字号 or a signing date the article itself does not print still reaches the
/// document; the element is then taken out of the page so it is not read again as part of the article.
/// </summary>
internal static partial class PageInfoBlock
{
    /// <summary>An information table is short; a block of this much text holding two labels is an article quoting them.</summary>
    private const int MaxBlockText = 1_500;

    /// <summary>
    /// The `label：value` lines of the page's information table, or none. The table is removed from the document, so a
    /// table inside the article container is not read again with the article; fields in a block around the article (spans
    /// beside it) are read from what lies outside the article, and the block stays.
    /// </summary>
    public static List<string> Take(IDocument document, IElement? article)
    {
        if (document.Body is not { } body) return [];
        IElement? found = null;
        var foundLabels = 1;
        foreach (var candidate in body.QuerySelectorAll("table, ul, ol, dl, div, section"))
        {
            if (PageCleaner.IsNotText(candidate) || candidate == article) continue;
            var text = TextOutside(candidate, article);
            if (text.Length > MaxBlockText || LabelWord().Count(text) < 2) continue;
            var labels = DistinctLabels(candidate, text);
            // The block with the most labels, the innermost of those: not a wrapper around the table, not one of its rows.
            if (labels > foundLabels || labels == foundLabels && found is not null && found.Contains(candidate))
            {
                found = candidate;
                foundLabels = labels;
            }
        }

        if (found is null) return [];
        var aroundArticle = article is not null && found.Contains(article);
        var writer = new HtmlLineWriter { Skip = aroundArticle ? article : null };
        writer.Write(found);
        writer.EndLine(force: false);
        if (!aroundArticle) found.Remove();
        return Pairs(writer.Lines);
    }

    /// <summary>An element's text without the article's, when it holds the article.</summary>
    private static string TextOutside(IElement element, IElement? article)
    {
        if (article is null || !element.Contains(article)) return element.TextContent;
        var text = new System.Text.StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child == article) continue;
            text.Append(child is IElement inner && inner.Contains(article) ? TextOutside(inner, article) : child.TextContent);
        }

        return text.ToString();
    }

    /// <summary>
    /// Label/value pairs from the table's lines: cells are split at tabs; a segment holds one or more `label：value`, or is
    /// a bare label whose value is the next segment.
    /// </summary>
    private static List<string> Pairs(List<string> lines)
    {
        var segments = lines.SelectMany(l => l.Split('\t')).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var pairs = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var labels = Label().Matches(segments[i]);
            if (labels.Count == 0 || labels[0].Index != 0) continue;
            for (var k = 0; k < labels.Count; k++)
            {
                var end = k + 1 < labels.Count ? labels[k + 1].Index : segments[i].Length;
                var start = labels[k].Index + labels[k].Length;
                var value = segments[i][start..end].Trim();
                if (value.Length == 0 && k + 1 == labels.Count && i + 1 < segments.Count && !Label().IsMatch(segments[i + 1]))
                {
                    value = segments[++i];
                }

                if (value.Length > 0) pairs.Add($"{Field(labels[k])}：{value}");
            }
        }

        return pairs;
    }

    /// <summary>Labels followed by a colon, and cells that hold a label alone (索引号 | 1137…).</summary>
    private static int DistinctLabels(IElement block, string text)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Label().Matches(text))
        {
            if (m.Value.EndsWith(':') || m.Value.EndsWith('：')) labels.Add(Field(m));
        }

        foreach (var cell in block.QuerySelectorAll("td, th, dt, span, strong, b, label, em"))
        {
            if (cell.TextContent.Length > 20) continue;
            if (Label().Match(cell.TextContent.Trim()) is { Success: true, Index: 0 } m && m.Length == cell.TextContent.Trim().Length) labels.Add(Field(m));
        }

        return labels.Count;
    }

    private static string Field(Match label) => label.Groups["field"].Value.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The commonest labels, colon or not: a block without two of them is no information table and is not looked into.</summary>
    [GeneratedRegex(@"索\s*引\s*号|主题分类|发布机构|发文机关|成文日期|发文字号|文\s*号|标\s*题|名\s*称|发布日期")]
    private static partial Regex LabelWord();

    /// <summary>
    /// The labels of an information table, with a colon or standing alone in a cell (spaced out as 索 引 号 on some sites).
    /// The parser reads 标题/名称, 发文字号/文号, 发布机构 and 成文日期; the others are kept so each value stops at the next label.
    /// </summary>
    [GeneratedRegex(@"(?<field>索\s*引\s*号|主题分类|组配分类|体裁分类|主\s*题\s*词|发布机构|发文机关|发文单位|成文日期|发文日期|印发日期|发布日期|发布时间|生效日期|失效日期|发文字号|发布文号|文\s*号|标\s*题|名\s*称|信息名称|文件名称|有\s*效\s*性|信息来源|来\s*源)\s*(?:[:：]|$)")]
    private static partial Regex Label();
}
