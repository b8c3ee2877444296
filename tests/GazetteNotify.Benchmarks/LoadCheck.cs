namespace GazetteNotify.Benchmarks;

/// <summary>A load run's checks, printed OK or FAIL beside its figures.</summary>
internal static class LoadCheck
{
    public static void Report(string what, bool ok) => Console.WriteLine($"  {(ok ? "OK  " : "FAIL")} {what}");
}
