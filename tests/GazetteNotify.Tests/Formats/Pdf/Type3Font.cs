using System.Buffers.Binary;
using System.Globalization;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// A font that Chromium must embed as Type 3, as it does Noto Sans CJK (and as some typesetters do): WenQuanYi Micro
/// Hei (the CJK font CI installs; Chromium embeds it as CID TrueType) taken out of its collection, marked "restricted
/// licence embedding" in OS/2 fsType — Skia then draws its glyphs as Type 3 procedures instead of embedding the font —
/// and given a cmap in which the CJK radicals map to the glyphs of the ideographs they stand for, as Noto's does.
/// Skia writes each glyph's ToUnicode from the lowest code point mapped to it, so 人民门 then come back as ⼈⺠⻔:
/// exactly what gazettes printed from Chromium with Noto hold.
/// </summary>
public static class Type3Font
{
    public const string Family = "GazetteType3";

    private const string Collection = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly Lazy<byte[]> Font = new(Build);

    public static byte[] Bytes => Font.Value;

    public static string FontFace => $"@font-face {{ font-family: '{Family}'; src: url('/fonts/type3.ttf') format('truetype'); }}";

    public static IReadOnlyDictionary<string, byte[]> Served => new Dictionary<string, byte[]> { ["type3.ttf"] = Bytes };

    private static byte[] Build()
    {
        if (!File.Exists(Collection)) throw new InvalidOperationException($"{Collection} not found: install fonts-wqy-microhei (.ci/run does)");
        var ttc = File.ReadAllBytes(Collection);
        var font = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12));
        var count = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(font + 4));
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = ttc.AsSpan(font + 12 + 16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = ttc.AsSpan(offset, length).ToArray();
        }

        BinaryPrimitives.WriteUInt16BigEndian(tables["OS/2"].AsSpan(8), 0x0002);
        tables["cmap"] = WithRadicals(ReadFormat4(tables["cmap"]));
        return Write(BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(font)), tables);
    }

    /// <summary>The code point → glyph map of the (3,1) format 4 subtable.</summary>
    private static SortedDictionary<int, int> ReadFormat4(byte[] cmap)
    {
        var map = new SortedDictionary<int, int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(2));
        for (var t = 0; t < tables; t++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(4 + 8 * t));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(6 + 8 * t));
            var at = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(8 + 8 * t));
            if (platform != 3 || encoding != 1 || BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at)) != 4) continue;
            var segments = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at + 6)) / 2;
            var ends = at + 14;
            var starts = ends + 2 * segments + 2;
            var deltas = starts + 2 * segments;
            var rangeOffsets = deltas + 2 * segments;
            for (var s = 0; s < segments; s++)
            {
                int U16(int position) => BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(position));
                var end = U16(ends + 2 * s);
                var start = U16(starts + 2 * s);
                var delta = (short)U16(deltas + 2 * s);
                var rangeOffset = U16(rangeOffsets + 2 * s);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF : U16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
                    if (glyph != 0 && rangeOffset != 0) glyph = (glyph + delta) & 0xFFFF;
                    if (glyph != 0) map[c] = glyph;
                }
            }
        }

        return map;
    }

    /// <summary>A (3,10) format 12 cmap of the font's map plus each radical on the glyph of its ideograph.</summary>
    private static byte[] WithRadicals(SortedDictionary<int, int> map)
    {
        foreach (var (radical, ideograph) in Radicals())
        {
            if (map.TryGetValue(ideograph, out var glyph)) map[radical] = glyph;
        }

        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (c, g) in map)
        {
            if (groups.Count > 0 && groups[^1].End == c - 1 && groups[^1].Glyph + (c - groups[^1].Start) == g) groups[^1] = (groups[^1].Start, c, groups[^1].Glyph);
            else groups.Add((c, c, g));
        }

        var length = 16 + 12 * groups.Count;
        var table = new byte[12 + length];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(6), 10);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(8), 12);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(12), 12);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(16), (uint)length);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(24), (uint)groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(28 + 12 * i), (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(32 + 12 * i), (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(36 + 12 * i), (uint)groups[i].Glyph);
        }

        return table;
    }

    /// <summary>Radicals and the ideographs a simplified-Chinese font draws for them (the reader's own table).</summary>
    private static IEnumerable<(int Radical, int Ideograph)> Radicals()
    {
        foreach (var entry in GazetteNotify.Formats.Pdf.RadicalEquivalents.Entries.Split(["  ", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = entry.Split(' ');
            yield return (int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An sfnt file of the tables, offsets rewritten, each table padded to 4 bytes.</summary>
    private static byte[] Write(uint version, SortedDictionary<string, byte[]> tables)
    {
        using var file = new MemoryStream();
        var header = new byte[12 + 16 * tables.Count];
        BinaryPrimitives.WriteUInt32BigEndian(header, version);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)tables.Count);
        var power = 1;
        while (power * 2 <= tables.Count) power *= 2;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(tables.Count * 16 - power * 16));
        var offset = header.Length;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var record = header.AsSpan(12 + 16 * i++);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            offset += (data.Length + 3) & ~3;
        }

        file.Write(header);
        foreach (var data in tables.Values)
        {
            file.Write(data);
            file.Write(new byte[((data.Length + 3) & ~3) - data.Length]);
        }

        return file.ToArray();
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            sum += word;
        }

        return sum;
    }
}
