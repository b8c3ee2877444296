using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Support;

/// <summary>The repo's copies of the three real issues (samples/), parsed once per test run.</summary>
public static class Samples
{
    public const string Issue2018_07 = "liaocheng-2018-07.txt";
    public const string Issue2019_08 = "liaocheng-2019-08.txt";
    public const string Issue2022_06 = "liaocheng-2022-06.txt";

    public static readonly string[] All = [Issue2018_07, Issue2019_08, Issue2022_06];

    private static readonly Dictionary<string, ParseResult> Cache = new();

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static ParseResult Parse(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var result))
            {
                result = GazetteParser.Parse(Bytes(name));
                Cache[name] = result;
            }

            return result;
        }
    }

    public static GazetteIssue Issue(string name) => Parse(name).Issue ?? throw new InvalidOperationException(Parse(name).Rejection);

    public static GazetteDocument Document(string sample, string docNumberOrTitle) =>
        Issue(sample).Documents.Single(d => d.DocNumber == docNumberOrTitle || d.Title == docNumberOrTitle);

    public static string TextOf(string sample, string docNumberOrTitle)
    {
        var issue = Issue(sample);
        var index = issue.Documents.ToList().FindIndex(d => d.DocNumber == docNumberOrTitle || d.Title == docNumberOrTitle);
        return Parse(sample).DocumentTexts[index];
    }

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
