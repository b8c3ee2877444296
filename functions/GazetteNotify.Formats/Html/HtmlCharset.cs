using System.Text;
using AngleSharp.Html.Parser;

namespace GazetteNotify.Formats.Html;

/// <summary>
/// A web page's bytes → its text, in the charset the page gives: a byte-order mark first, then &lt;meta charset&gt; or
/// &lt;meta http-equiv="Content-Type" content="…charset=gbk"&gt;, else UTF-8. Government sites still serve GBK/GB2312
/// and often declare it wrongly, so the declaration is checked against the bytes: bytes that are not valid in it are read
/// as UTF-8 when valid UTF-8, else as GB18030. GBK and GB2312 are read as GB18030, their superset: a page that says
/// gb2312 routinely holds GBK characters.
/// </summary>
internal static class HtmlCharset
{
    /// <summary>The spec's prescan reads the first 1024 bytes; CMS pages put their meta after long comments, so 4 KB.</summary>
    private const int PrescanBytes = 4096;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Encoding, IReadOnlyList<string> Warnings) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Read(bytes[3..], "UTF-8", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE", []);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE", []);

        var declared = Declared(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        return Read(bytes, declared ?? "UTF-8", declared);
    }

    /// <summary>The charset a page declares in its first bytes, read with AngleSharp (the bytes as Latin-1 keep every ASCII tag intact).</summary>
    public static string? Declared(ReadOnlySpan<byte> start)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(Encoding.Latin1.GetString(start));
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            if (meta.GetAttribute("charset") is { Length: > 0 } charset) return Canonical(charset);
            if (meta.GetAttribute("content") is { } content && meta.GetAttribute("http-equiv") is { } equiv
                && equiv.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                var at = content.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
                if (at >= 0) return Canonical(content[(at + "charset=".Length)..].Trim().Trim('"', '\'', ';', ' '));
            }
        }

        return null;
    }

    private static string? Canonical(string charset)
    {
        var name = charset.Trim().ToUpperInvariant();
        if (name is "GBK" or "GB2312" or "GB_2312-80" or "X-GBK" or "CP936" or "GB18030" or "EUC-CN" or "HZ-GB-2312") return "GB18030";
        // A page that reached us as bytes cannot be UTF-16 without a BOM: the spec reads such a declaration as UTF-8.
        if (name is "UTF8" or "UTF-8" || name.StartsWith("UTF-16", StringComparison.Ordinal)) return "UTF-8";
        try
        {
            return Encoding.GetEncoding(name).WebName.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (string Text, string Encoding, IReadOnlyList<string> Warnings) Read(ReadOnlySpan<byte> bytes, string name, string? declared)
    {
        var isUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
        if (name == "UTF-8" && isUtf8) return (Encoding.UTF8.GetString(bytes), "UTF-8", []);
        if (name != "UTF-8" && isUtf8 && !System.Text.Ascii.IsValid(bytes))
        {
            // Legacy-encoded Chinese is almost never valid UTF-8; bytes that are, are UTF-8 whatever the page says.
            return (Encoding.UTF8.GetString(bytes), "UTF-8", [$"the page declares {declared} but is UTF-8; read as UTF-8"]);
        }

        if (name != "UTF-8" && TryStrict(bytes, name) is { } declaredText) return (declaredText, name, []);
        if (TryStrict(bytes, "GB18030") is { } gb)
        {
            return (gb, "GB18030", declared is null ? [] : [$"the page declares {declared} but is not; read as GB18030"]);
        }

        var lossy = Encoding.UTF8.GetString(bytes);
        return (lossy, "UTF-8", ["some bytes of the page are neither UTF-8 nor GB18030 and were replaced with U+FFFD"]);
    }

    private static string? TryStrict(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }
}
