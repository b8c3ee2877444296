namespace GazetteNotify.Search;

/// <summary>The values the search form offers to filter by, as the current index holds them (issuers and genres by name, years newest first).</summary>
public sealed record SearchChoices(IReadOnlyList<string> Issuers, IReadOnlyList<int> Years, IReadOnlyList<string> Kinds)
{
    public static SearchChoices None { get; } = new([], [], []);

    public static SearchChoices Of(IEnumerable<SearchDocument> documents)
    {
        var chinese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false);
        var list = documents as IReadOnlyCollection<SearchDocument> ?? documents.ToList();
        return new SearchChoices(
            list.Select(d => d.Issuer).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(chinese).ToList(),
            list.Select(d => d.SignedDate?.Year).OfType<int>().Distinct().OrderDescending().ToList(),
            list.Select(d => d.Kind).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(chinese).ToList());
    }
}
