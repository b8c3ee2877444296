using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// How deep a page nests its elements, measured with AngleSharp's tokenizer before the page is parsed: building a tree
/// costs time in proportion to its depth at every tag, so 50,000 nested &lt;div&gt;s (a few hundred KB) take AngleSharp
/// many seconds, a thousand a quarter of a second. Real pages nest a few dozen levels; browsers flatten past 512. Elements whose end tag may be left out
/// (p, li, td…) and void elements are not counted, so sloppy but real markup does not look deep.
/// </summary>
internal static class MarkupNesting
{
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "rtc", "html", "head", "body",
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static bool IsTooDeep(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            SkipDataText = true,
            SkipComments = true,
            SkipScriptText = true,
            SkipRawText = true,
            SkipRCDataText = true,
            IsNotConsumingCharacterReferences = true,
        };
        var depth = 0;
        while (tokenizer.Get() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            if (token is not HtmlTagToken tag || NotNesting.Contains(tag.Name)) continue;
            if (token.Type == HtmlTokenType.StartTag)
            {
                // The tree builder switches the tokenizer for raw text; alone, it must be told, or a script's "<div" counts.
                tokenizer.State = tag.Name switch
                {
                    "script" => HtmlParseMode.Script,
                    "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                    "textarea" or "title" => HtmlParseMode.RCData,
                    "plaintext" => HtmlParseMode.Plaintext,
                    _ => tokenizer.State,
                };
                if (!tag.IsSelfClosing && ++depth > MaxDepth) return true;
            }
            else if (depth > 0)
            {
                depth--;
            }
        }

        return false;
    }
}
