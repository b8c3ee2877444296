using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// What on a government page is not the document: markup that is never text (scripts, styles, forms, hidden elements),
/// and the site's furniture — navigation, breadcrumb (当前位置), related links (相关链接/相关文件), share bars, print and
/// close buttons, footers. Furniture is found by the class or id sites give it and by the words it starts with; an
/// element around the article is never removed.
/// </summary>
internal static partial class PageCleaner
{
    private static readonly HashSet<string> NeverText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio",
        "select", "option", "textarea", "input", "button", "head", "title", "meta", "link", "map", "area", "rt", "rp",
    };

    /// <summary>Script, style, form controls, media, and what the page hides (hidden, display:none, visibility:hidden).</summary>
    public static bool IsNotText(IElement element)
    {
        if (NeverText.Contains(element.LocalName) || element.HasAttribute("hidden")) return true;
        if (element.GetAttribute("style") is not { Length: > 0 } style) return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes the page's furniture, keeping every element that holds one of <paramref name="keep"/>.</summary>
    public static void RemoveFurniture(IDocument document, IReadOnlyCollection<IElement> keep)
    {
        var all = document.Body?.QuerySelectorAll("*").ToList() ?? [];
        // Innermost first, so a marker heading's container is judged with its own children still in place.
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var element = all[i];
            if (element.Parent is null || Holds(element, keep)) continue;
            if (element.LocalName is "nav" or "footer" or "aside" || FurnitureName().IsMatch($"{element.Id} {element.ClassName}"))
            {
                element.Remove();
                continue;
            }

            var text = element.TextContent.Trim();
            if (text.Length > 300 || !FurnitureStart().IsMatch(text)) continue;
            if (FurnitureWord().IsMatch(text) && element.Parent is IElement container && !Holds(container, keep)
                && container.TextContent.Length <= 2_000 && LinkDensity(container) >= 0.5)
            {
                // A bare "相关链接" heading: its list of links goes with it.
                container.Remove();
                continue;
            }

            if (element.NextElementSibling is { } next && FurnitureWord().IsMatch(text) && LinkDensity(next) >= 0.5 && !Holds(next, keep)) next.Remove();
            element.Remove();
        }
    }

    private static bool Holds(IElement element, IReadOnlyCollection<IElement> keep)
    {
        foreach (var kept in keep)
        {
            if (element == kept || element.Contains(kept)) return true;
        }

        return false;
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Trim().Length;
        if (total == 0) return 0;
        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length);
        return (double)linked / total;
    }

    /// <summary>Class and id names CMS themes give their furniture (pinyin ones too: dqwz 当前位置, xglj 相关链接, fx 分享).</summary>
    [GeneratedRegex(@"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|dqwz|weizhi|share|bdshare|fenxiang|related|xglj|xgwj|xgxx|relevant|footer|copyright|toolbar|print|sidebar|pager)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureName();

    /// <summary>The words furniture starts with, followed by a colon, a break, or nothing (not "相关文件与本办法不一致的").</summary>
    [GeneratedRegex(@"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|相关链接|相关文件|相关新闻|相关阅读|相关信息|相关稿件|分享到|扫一扫|【\s*打印|【\s*关闭|打印本页|关闭窗口)(?:\s*[:：>»]|\s|$)")]
    private static partial Regex FurnitureStart();

    /// <summary>A furniture heading with nothing after it.</summary>
    [GeneratedRegex(@"^(?:相关链接|相关文件|相关新闻|相关阅读|相关信息|相关稿件)\s*[:：]?$")]
    private static partial Regex FurnitureWord();

    /// <summary>Lines that are buttons and counters, not text: 【打印本页】【关闭窗口】, 字号：大 中 小, 分享到：.</summary>
    public static bool IsFurnitureLine(string line) => FurnitureLine().IsMatch(line);

    [GeneratedRegex(@"^(?:(?:[【\[]\s*[^】\]]{1,10}\s*[】\]]\s*)+|(?:字号|字体)\s*[:：].{0,12}|(?:分享到|扫一扫)\b.{0,30}|(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏本页)(?:\s+(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏本页))*)$")]
    private static partial Regex FurnitureLine();
}
