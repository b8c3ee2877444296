using System.Buffers.Binary;
using System.Text;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// The names in an OLE compound file's directory (D0 CF 11 E0 A1 B1 1A E1): what an Office 97–2003 file or an encrypted
/// Office file is made of. Only the directory is read — enough to tell an encrypted .docx (EncryptedPackage) from a
/// legacy .doc (WordDocument). No library reads this container, and scanning the bytes for a name would also match a
/// .doc whose text mentions it, so the header, the FAT and the directory chain are followed, with every offset checked.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const int HeaderDifatEntries = 109;
    private const int DirectoryEntrySize = 128;

    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The names of the storages and streams in the directory, or null when the structure is broken.</summary>
    public static IReadOnlyList<string>? EntryNames(ReadOnlySpan<byte> bytes)
    {
        if (!IsCompoundFile(bytes) || bytes.Length < 512) return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x1E..]);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var sectorCount = (bytes.Length - sectorSize) / sectorSize + 1;

        var fatSectors = FatSectors(bytes, sectorSize, sectorCount);
        if (fatSectors is null) return null;

        var names = new List<string>();
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x30..]);
        // A chain longer than the file has sectors loops.
        for (var hops = 0; sector != EndOfChain; hops++)
        {
            if (hops > sectorCount || !TrySector(bytes, sector, sectorSize, out var directory)) return null;
            for (var offset = 0; offset + DirectoryEntrySize <= directory.Length; offset += DirectoryEntrySize)
            {
                var entry = directory.Slice(offset, DirectoryEntrySize);
                var type = entry[0x42];
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (type is 0 || nameBytes is < 2 or > 64) continue;
                names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
            }

            if (NextSector(bytes, fatSectors, sector, sectorSize) is not { } next) return null;
            sector = next;
        }

        return names;
    }

    /// <summary>The FAT's sectors: the first 109 listed in the header, the rest in the DIFAT chain.</summary>
    private static List<uint>? FatSectors(ReadOnlySpan<byte> bytes, int sectorSize, int sectorCount)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x2C..]);
        if (count > (uint)sectorCount) return null;
        var sectors = new List<uint>((int)count);
        for (var i = 0; i < HeaderDifatEntries && sectors.Count < count; i++)
        {
            sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes[(0x4C + 4 * i)..]));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(bytes[0x44..]);
        for (var hops = 0; sectors.Count < count; hops++)
        {
            if (hops > sectorCount || !TrySector(bytes, difat, sectorSize, out var block)) return null;
            var perBlock = sectorSize / 4 - 1;
            for (var i = 0; i < perBlock && sectors.Count < count; i++) sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * perBlock)..]);
        }

        return sectors;
    }

    private static uint? NextSector(ReadOnlySpan<byte> bytes, List<uint> fatSectors, uint sector, int sectorSize)
    {
        var perSector = (uint)(sectorSize / 4);
        var fatIndex = sector / perSector;
        if (fatIndex >= fatSectors.Count || !TrySector(bytes, fatSectors[(int)fatIndex], sectorSize, out var fat)) return null;
        return BinaryPrimitives.ReadUInt32LittleEndian(fat[(int)(4 * (sector % perSector))..]);
    }

    private static bool TrySector(ReadOnlySpan<byte> bytes, uint sector, int sectorSize, out ReadOnlySpan<byte> content)
    {
        var start = ((long)sector + 1) * sectorSize;
        content = start + sectorSize <= bytes.Length ? bytes.Slice((int)start, sectorSize) : default;
        return start + sectorSize <= bytes.Length;
    }
}
