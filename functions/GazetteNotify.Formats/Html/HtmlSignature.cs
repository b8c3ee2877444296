using System.Text;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// Whether an upload is a web page, from how its text begins: a doctype, an &lt;html&gt; element, or markup that opens
/// with a tag and has a head, a body or page metadata. A text or Markdown file that merely contains a tag (a stray
/// &lt;br&gt;, a pasted &lt;p&gt;) does not begin with markup and stays text.
/// </summary>
internal static class HtmlSignature
{
    /// <summary>A page's opening markup (doctype, comments, head) fits in this; the rest is not needed to tell.</summary>
    private const int SniffBytes = 4096;

    private static readonly string[] PageMarkers = ["<html", "<head", "<body", "<meta", "<title"];

    public static bool IsHtml(ReadOnlySpan<byte> bytes)
    {
        var start = Start(bytes[..Math.Min(bytes.Length, SniffBytes)]).TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)) return true;
        // An XML declaration, a comment (CMS pages open with their template's), or any tag first: a page if its markers follow.
        if (!start.StartsWith('<') || start.Length < 2 || !(char.IsAsciiLetter(start[1]) || start[1] is '!' or '?')) return false;
        foreach (var marker in PageMarkers)
        {
            if (start.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>The first bytes as text: UTF-16 by its BOM, else Latin-1, which keeps every ASCII tag of UTF-8 and GBK pages as is.</summary>
    private static string Start(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(head[2..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(head[2..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        return Encoding.Latin1.GetString(head);
    }
}
