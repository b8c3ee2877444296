using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// Small PDFs written byte by byte, for what Chromium cannot print: one encrypted with a user password (Standard
/// security handler, revision 2, RC4 40-bit — PDF 1.7 §7.6.3, algorithms 2, 3 and 4), the kind an office sends when it
/// "protects" a file; one whose second page is damaged. Objects are numbered from 1 and the cross-reference table is computed from the bytes.
/// </summary>
public static class HandmadePdf
{
    private static readonly byte[] Padding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    /// <summary>One page saying "Hello", readable only with <paramref name="userPassword"/>.</summary>
#pragma warning disable CA5351 // MD5 and RC4 are what PDF's revision 2 security handler is made of: this writes one.
    public static byte[] Encrypted(string userPassword, string ownerPassword)
    {
        var id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
        const int permissions = -4;
        var owner = Rc4(MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(Pad(userPassword));
        md5.AppendData(owner);
        md5.AppendData(BitConverter.GetBytes(permissions));
        md5.AppendData(id);
        var key = md5.GetHashAndReset()[..5];
        var user = Rc4(key, Padding);
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>"),
        ];
#pragma warning restore CA5351
        return Write(objects, $"/Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]");
    }

    /// <summary>Two pages saying <paramref name="text"/>; the second's font is a Type0 font without its descendant font.</summary>
    public static byte[] SecondPageDamaged(string text)
    {
        var content = string.Create(CultureInfo.InvariantCulture, $"BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            "<< /Type /Font /Subtype /Type0 /BaseFont /Broken /Encoding /Identity-H >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        return Write(objects, "");
    }

    private static byte[] Write(string[] objects, string trailerExtra)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static byte[] Pad(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 255;
            j = (j + s[i]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 255]);
        }

        return output;
    }
}
