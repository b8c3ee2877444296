namespace GazetteNotify.Parsing.Text;

/// <summary>Recognises common binary formats by their magic bytes, so the refusal can say what the file is.</summary>
internal static class BinarySignature
{
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8)) return "a PDF document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "a PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "a JPEG image";
        if (bytes.StartsWith("GIF8"u8)) return "a GIF image";
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive (Word .docx?)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return "an Office document (.doc)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "a gzip archive";
        if (bytes.StartsWith("\u007FELF"u8)) return "an executable";
        if (bytes.StartsWith("MZ"u8) && bytes.Length > 64 && bytes.IndexOf((byte)0) >= 0) return "a Windows executable";
        return null;
    }
}
