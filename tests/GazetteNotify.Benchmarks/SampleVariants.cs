using System.Globalization;
using System.Text;
using GazetteNotify.Documents;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Any number of distinct issues from the three samples: the k-th is sample k % 3, the first three as published, the
/// others with another issue number of the same year on the masthead (1–24, as semi-monthly gazettes number them).
/// Each is then a different issue key and different bytes (so ingestion's content-hash receipt does not take it for a
/// re-upload), with the documents, tasks and deadlines of a real issue.
/// </summary>
internal static class SampleVariants
{
    private static readonly (string File, int Year, int Number)[] Samples =
    [
        ("liaocheng-2018-07.txt", 2018, 7),
        ("liaocheng-2019-08.txt", 2019, 8),
        ("liaocheng-2022-06.txt", 2022, 6),
    ];

    public const int Max = 3 * 24;

    /// <summary>The blob name, bytes and expected issue key of the k-th issue.</summary>
    public static (string BlobName, byte[] Bytes, string IssueKey) Get(int k)
    {
        if (k is < 0 or >= Max) throw new ArgumentOutOfRangeException(nameof(k), $"at most {Max} distinct variants");
        var (file, year, number) = Samples[k % 3];
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", file));
        var variant = k / 3;
        if (variant > 0)
        {
            // The masthead prints 第N期 twice (cover and colophon) and nowhere else in these samples.
            var other = Enumerable.Range(1, 24).Where(n => n != number).ElementAt(variant - 1);
            var text = Encoding.UTF8.GetString(bytes);
            var from = $"第{number}期";
            if (CountOf(text, from) != 2) throw new InvalidOperationException($"{file}: expected {from} twice on the masthead");
            bytes = Encoding.UTF8.GetBytes(text.Replace(from, $"第{other}期", StringComparison.Ordinal));
            number = other;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{year}-{number:00}");
        return ($"{key}.txt", bytes, key);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
