using System.Text.RegularExpressions;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// The golden files of rendered mails and pages (Fixtures/rendering): per case its head (recipient, subject and headers
/// of a mail; status, content type and headers of a page), its plain-text part, and its HTML. Heads and texts must match
/// to the byte; HTML must have the same <see cref="HtmlOutline"/> (white space between tags may differ). Link tokens are
/// sealed with a random nonce, so every token reads as v2.TOKEN on both sides. GAZETTE_WRITE_GOLDEN=1 rewrites the files
/// from the current output (after a deliberate change of what a mail or page says).
/// </summary>
public static partial class RenderingGolden
{
    public static string Folder => Path.Combine(AzuriteFixture.RepoRoot(), "tests", "GazetteNotify.Tests", "Fixtures", "rendering");

    private static bool Writing => Environment.GetEnvironmentVariable("GAZETTE_WRITE_GOLDEN") == "1";

    /// <summary>Compares one case with its files (or writes them); returns what differs, empty when nothing does.</summary>
    public static IEnumerable<string> Check(string name, string head, string? text, string html)
    {
        head = Normalise(head);
        text = text is null ? null : Normalise(text);
        html = Normalise(html);
        var headFile = Path.Combine(Folder, name + ".head.txt");
        var textFile = Path.Combine(Folder, name + ".text.txt");
        var htmlFile = Path.Combine(Folder, name + ".html");
        if (Writing)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(headFile, head);
            if (text is not null) File.WriteAllText(textFile, text);
            File.WriteAllText(htmlFile, html);
            yield break;
        }

        if (!File.Exists(headFile) || !File.Exists(htmlFile))
        {
            yield return $"{name}: no golden files (GAZETTE_WRITE_GOLDEN=1 writes them)";
            yield break;
        }

        if (File.ReadAllText(headFile) != head) yield return $"{name}: head differs:\n{head}\n-- expected --\n{File.ReadAllText(headFile)}";
        if (text is not null && (!File.Exists(textFile) || File.ReadAllText(textFile) != text)) yield return $"{name}: text part differs:\n{text}";
        var expected = HtmlOutline.Of(File.ReadAllText(htmlFile));
        var actual = HtmlOutline.Of(html);
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(end)";
            var a = i < actual.Count ? actual[i] : "(end)";
            if (e == a) continue;
            yield return $"{name}: HTML differs at outline line {i}:\n  expected {e}\n  actual   {a}";
            break;
        }
    }

    public static string Normalise(string value) => Token().Replace(value, "v2.TOKEN");

    [GeneratedRegex("v2\\.[A-Za-z0-9_-]+")]
    private static partial Regex Token();
}
