using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Deadlines;

namespace GazetteNotify.Tests.Deadlines;

/// <summary>
/// The scanner only tries the regex near key characters; it must find exactly what a plain left-to-right scan of the
/// same pattern finds, on real paragraphs and on noise made of the characters the patterns use.
/// </summary>
public sealed class PhraseScannerTests
{
    private static readonly Regex Plain = new(DeadlinePatterns.AnyPhrase, DeadlinePatterns.Options);

    private static void AssertSameAsPlainScan(string text)
    {
        var from = 0;
        foreach (Match expected in Plain.Matches(text))
        {
            var (index, length) = PhraseScanner.Next(text, from);
            Assert.True(
                (expected.Index, expected.Length) == (index, length),
                $"«{text}»: plain scan found «{expected.Value}» at {expected.Index}, scanner ({index}, {length})");
            from = index + length;
        }

        Assert.Equal(0, PhraseScanner.Next(text, from).Length);
    }

    [Fact]
    public void MatchesAPlainScanOnEverySampleLine()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt"))
        {
            foreach (var line in File.ReadLines(file)) AssertSameAsPlainScan(line);
        }
    }

    [Fact]
    public void MatchesAPlainScanOnNoise()
    {
        const string alphabet =
            "0123456789０１２３４５６７８９〇零○一二三四五六七八九十两百半年月日号份底末旬上中下前以之为止内到至达今本明来次翌同当去第每的个" +
            "工作自然小时星期周天季度近过去后完成建了，。；、 \t—-";
        var random = new Random(2018_07_13);
        var buffer = new char[48];
        for (var i = 0; i < 30000; i++)
        {
            var length = random.Next(buffer.Length + 1);
            for (var j = 0; j < length; j++) buffer[j] = alphabet[random.Next(alphabet.Length)];
            AssertSameAsPlainScan(new string(buffer, 0, length));
        }
    }
}
