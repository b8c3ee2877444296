using System.Globalization;

namespace GazetteNotify.Benchmarks;

/// <summary>Median, p90 and max of a list of wall times in milliseconds (nearest rank).</summary>
internal static class Timings
{
    public static string Describe(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return "no runs";
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):0.0} ms, p90 {At(0.9):0.0} ms, max {sorted[^1]:0.0} ms");
    }
}
