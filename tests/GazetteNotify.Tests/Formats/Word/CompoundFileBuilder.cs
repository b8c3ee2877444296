using System.Buffers.Binary;
using System.Text;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// A minimal OLE compound file (512-byte sectors: header, one FAT sector, directory sectors) holding empty streams of
/// the given names: the container of Word 97–2003 .doc files and of password-protected Office files.
/// </summary>
internal static class CompoundFileBuilder
{
    public static byte[] Build(params string[] streamNames)
    {
        string[] names = ["Root Entry", .. streamNames];
        var directorySectors = (names.Length + 3) / 4;
        var bytes = new byte[512 * (2 + directorySectors)];
        var header = bytes.AsSpan(0, 512);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // the directory starts in sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + 4 * i)..], i == 0 ? 0u : 0xFFFFFFFF);

        // The FAT (sector 0): itself, then the directory's chain 1 → 2 → … → end.
        var fat = bytes.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        for (var s = 1; s <= directorySectors; s++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * s)..], s == directorySectors ? 0xFFFFFFFE : (uint)(s + 1));
        }

        for (var i = 0; i < names.Length; i++)
        {
            var entry = bytes.AsSpan(1024 + 128 * i, 128);
            var name = Encoding.Unicode.GetBytes(names[i]);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length + 2));
            entry[0x42] = (byte)(i == 0 ? 5 : 2);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], i == 0 && names.Length > 1 ? 1u : 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], 0xFFFFFFFE);
        }

        return bytes;
    }
}
