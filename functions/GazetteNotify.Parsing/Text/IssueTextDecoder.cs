using System.Text;
using UtfUnknown;

namespace GazetteNotify.Parsing.Text;

/// <summary>
/// Bytes of an upload → text. Uploads arrive as UTF-8 (with or without BOM), UTF-16 (either endianness, with or
/// without BOM) or GB18030/GBK/GB2312; anything else that is not text is refused with a reason.
/// </summary>
public static class IssueTextDecoder
{
    /// <summary>Uploads larger than this are refused before decoding: no real issue comes near it (~200 KB).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The refusal of an upload over <see cref="MaxBytes"/> (also given by ingestion, which does not read such a blob whole).</summary>
    public static string TooLarge(long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is {length / (1024.0 * 1024.0):0.0} MB, over the 20 MB limit for one issue");

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static IssueTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return DecodedText.Fail("none", "the file is empty");
        }

        if (bytes.Length > MaxBytes)
        {
            return DecodedText.Fail("none", TooLarge(bytes.Length));
        }

        if (BinarySignature.Identify(bytes) is { } kind)
        {
            return DecodedText.Fail("binary", $"the file is {kind}, not text: upload the text extracted from the issue (plain text or Markdown)");
        }

        var (lines, encoding, warnings, controls, characters) = ReadLines(bytes);
        if (lines is null)
        {
            return DecodedText.Fail(encoding, "the file is not text in a known encoding (UTF-8, UTF-16 or GB18030/GBK)");
        }

        // Control characters other than tab, line breaks and form feed mean this is not text.
        if (controls * 100 > Math.Max(characters, 1))
        {
            return DecodedText.Fail(encoding, "the file looks binary: it is full of control characters, not text");
        }

        return new DecodedText(lines, encoding, null, warnings);
    }

    private static (string[]? Lines, string Encoding, IReadOnlyList<string> Warnings, int Controls, int Characters) ReadLines(ReadOnlySpan<byte> bytes)
    {
        // Valid UTF-8, the usual case, is read line by line straight from the bytes. A file cut short (an interrupted
        // upload) may end inside a character: that incomplete character goes, and the rest is still UTF-8.
        var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var valid = System.Text.Unicode.Utf8.IsValid(body);
        var cut = valid ? 0 : IncompleteTail(body);
        if ((valid || cut > 0 && System.Text.Unicode.Utf8.IsValid(body[..^cut])) && (body.Length < bytes.Length || !HasUtf16ZeroPattern(bytes, out _)))
        {
            var utf8Lines = LineNormalizer.Normalize(body[..^cut], out var utf8Controls);
            IReadOnlyList<string> cutWarning = cut == 0 ? [] : ["the file ends in the middle of a character: it was cut short (an interrupted upload?); the incomplete character was dropped"];
            return (utf8Lines, "UTF-8", cutWarning, utf8Controls, body.Length);
        }

        var (text, encoding, warnings) = DecodeByEncoding(bytes);
        if (text is null) return (null, encoding, warnings, 0, 0);
        var lines = LineNormalizer.Normalize(text, out var controls);
        return (lines, encoding, warnings, controls, text.Length);
    }

    private static (string? Text, string Encoding, IReadOnlyList<string> Warnings) DecodeByEncoding(ReadOnlySpan<byte> bytes)
    {
        // A byte-order mark is authoritative.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8OrLossy(bytes[3..]);
        }

        // UTF-32's marks before UTF-16's: FF FE 00 00 also starts with UTF-16LE's FF FE.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes[4..]), "UTF-32LE", []);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]), "UTF-32BE", []);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE", []);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE", []);
        }

        // Most uploads are UTF-8: validating is allocation-free and exact.
        if (System.Text.Unicode.Utf8.IsValid(bytes) && !HasUtf16ZeroPattern(bytes, out _))
        {
            return (Encoding.UTF8.GetString(bytes), "UTF-8", []);
        }

        if (HasUtf16ZeroPattern(bytes, out var bigEndian))
        {
            return bigEndian
                ? (Encoding.BigEndianUnicode.GetString(bytes), "UTF-16BE", [])
                : (Encoding.Unicode.GetString(bytes), "UTF-16LE", []);
        }

        return DetectLegacy(bytes);
    }

    private static (string? Text, string Encoding, IReadOnlyList<string> Warnings) Utf8OrLossy(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8", []);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.UTF8.GetString(bytes), "UTF-8",
                ["some bytes are not valid UTF-8 (mixed encodings?) and were replaced with U+FFFD"]);
        }
    }

    /// <summary>
    /// UTF-16 without a BOM: ASCII characters (digits, spaces, line breaks, which every issue has many of) leave a
    /// zero byte on one side. UTF-8 and GB18030 text never contains zero bytes.
    /// </summary>
    private static bool HasUtf16ZeroPattern(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length & ~1, 64 * 1024)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }

        var pairs = sample.Length / 2;
        if (pairs == 0) return false;
        // ASCII puts its zero on one side; CJK characters like U+4E00 (一) put a few on the other. A binary file has
        // zeros on both sides alike.
        if (oddZeros * 40 >= pairs && evenZeros * 3 <= oddZeros) return true;
        if (evenZeros * 40 >= pairs && oddZeros * 3 <= evenZeros)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static (string? Text, string Encoding, IReadOnlyList<string> Warnings) DetectLegacy(ReadOnlySpan<byte> bytes)
    {
        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        var name = detected?.EncodingName?.ToUpperInvariant() ?? "";

        // GB2312 and GBK are subsets of GB18030, so one decoder reads all three exactly.
        if (name is "GB18030" or "GBK" or "GB2312" or "HZ-GB-2312" or "X-GBK" or "")
        {
            return DecodeGb18030(bytes);
        }

        if (detected?.Encoding is { } encoding && name is not ("ASCII" or "UTF-8"))
        {
            var text = encoding.GetString(bytes);
            return (text, detected.EncodingName!, [$"read as {detected.EncodingName}; the gazette is normally GB18030 or UTF-8"]);
        }

        // Invalid UTF-8 that the detector cannot place: Chinese text in GB18030 is the likeliest.
        return DecodeGb18030(bytes);
    }

    private static (string? Text, string Encoding, IReadOnlyList<string> Warnings) DecodeGb18030(ReadOnlySpan<byte> bytes)
    {
        var strict = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return (strict.GetString(bytes), "GB18030", []);
        }
        catch (DecoderFallbackException)
        {
            if (DecodeMixed(bytes, strict) is { } mixed) return mixed;

            // Not clean GB18030 either; a lossy UTF-8 read keeps what can be kept and says so.
            var lossy = Encoding.UTF8.GetString(bytes);
            var bad = lossy.AsSpan().Count('\uFFFD');
            if (bad * 20 > lossy.Length) return (null, "unknown", []);
            return (lossy, "UTF-8", [$"{bad} bytes are neither UTF-8 nor GB18030 (mixed encodings?) and were replaced with U+FFFD"]);
        }
    }

    /// <summary>
    /// The length of an incomplete UTF-8 sequence at the very end (a lead byte and fewer continuation bytes than it
    /// announces), or 0.
    /// </summary>
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if (b is >= 0x80 and < 0xC0) continue; // a continuation byte: the lead is further back
            if (b < 0xC0) return 0;
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return back < needed ? back : 0;
        }

        return 0;
    }

    /// <summary>
    /// Two texts pasted together, one UTF-8 and one GBK (an editor that kept both): no single encoding reads the file,
    /// but every line is one or the other. A line is UTF-8 when it is valid UTF-8 and reads as Chinese; every other
    /// line must be strict GB18030. Null unless both kinds are there, so a file in one encoding is never read this way.
    /// </summary>
    private static (string? Text, string Encoding, IReadOnlyList<string> Warnings)? DecodeMixed(ReadOnlySpan<byte> bytes, Encoding strictGb18030)
    {
        var text = new StringBuilder(bytes.Length);
        int utf8Lines = 0, gbLines = 0;
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..(end + 1)];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (System.Text.Ascii.IsValid(line))
            {
                text.Append(Encoding.ASCII.GetString(line));
                continue;
            }

            var utf8 = System.Text.Unicode.Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : null;
            if (utf8 is not null && ReadsAsChinese(utf8))
            {
                text.Append(utf8);
                utf8Lines++;
                continue;
            }

            try
            {
                text.Append(strictGb18030.GetString(line));
                gbLines++;
            }
            catch (DecoderFallbackException)
            {
                if (utf8 is null) return null;
                text.Append(utf8);
                utf8Lines++;
            }
        }

        if (utf8Lines < 2 || gbLines < 2) return null;
        return (text.ToString(), "UTF-8+GB18030",
            [$"the file mixes encodings: {utf8Lines} lines were read as UTF-8 and {gbLines} as GB18030; save it in one encoding"]);
    }

    /// <summary>
    /// More CJK characters than characters of U+0080–U+07FF, which is what GBK bytes that happen to be valid UTF-8 give
    /// (Latin, Greek, Cyrillic, Hebrew…): GBK's byte pairs make two-byte UTF-8 sequences, never CJK runs.
    /// </summary>
    private static bool ReadsAsChinese(string line)
    {
        int chinese = 0, twoByte = 0;
        foreach (var c in line)
        {
            if (TextShape.IsCjk(c)) chinese++;
            else if (c is >= '\u0080' and <= '\u07FF') twoByte++;
        }

        return chinese > twoByte;
    }
}
