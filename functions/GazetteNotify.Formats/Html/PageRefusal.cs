using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// Why a saved page without article text holds no document, in one line the admin can act on: a login page (saved
/// before signing in), an error page (404, 页面不存在), or a page with no article at all (a list or an index).
/// </summary>
internal static partial class PageRefusal
{
    public static string Reason(IDocument document)
    {
        if (document.QuerySelector("input[type=password i]") is not null)
        {
            return "the web page is a login page, not a document: sign in, open the document's page and save that, or upload the document itself";
        }

        var visible = $"{document.Title} {document.Body?.TextContent}";
        if (ErrorPage().IsMatch(visible))
        {
            return "the web page is an error page (404 / 页面不存在), not a document: open the document's page again and save it once it shows the text";
        }

        return "the web page holds no article text (a list or an index page?): open the document's own page and save that, or upload the document itself";
    }

    [GeneratedRegex(@"\b40[034]\b|\b50[0-3]\b|Not Found|找不到|页面不存在|页面未找到|无法找到|已被删除|已删除或不存在|访问出错|出错了|Forbidden|拒绝访问", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorPage();
}
