namespace GazetteNotify.Departments;

/// <summary>
/// One spelling of a unit produced by the normalisation rules, with the rules that produced it. A variant only counts
/// when it equals a known name or alias exactly. Variants made by the government rules (人民政府 ↔ 政府, a trailing
/// 办公室) count only when they land on a county-level government.
/// </summary>
internal sealed record UnitVariant(string Text, IReadOnlyList<string> Rules, bool GovernmentOnly)
{
    private const string CityPrefix = "聊城市";
    private const string ShortPrefix = "市";

    /// <summary>Every variant of a cleaned unit, the unit itself first; fewer rules come before more.</summary>
    public static IReadOnlyList<UnitVariant> Of(string key)
    {
        List<UnitVariant> variants = [new(key, [], false)];
        variants = Expand(variants, Prefix);
        variants = Expand(variants, GovernmentOffice);
        variants = Expand(variants, PeoplesGovernment);
        variants = Expand(variants, Committee);
        variants = Expand(variants, Conjunction);
        return [.. variants.DistinctBy(v => v.Text).OrderBy(v => v.Rules.Count)];
    }

    private static List<UnitVariant> Expand(List<UnitVariant> variants, Func<string, IEnumerable<(string Text, string Rule, bool GovernmentOnly)>> rule)
    {
        var expanded = new List<UnitVariant>(variants);
        foreach (var variant in variants)
        {
            foreach (var (text, name, governmentOnly) in rule(variant.Text))
            {
                if (text.Length > 0 && text != variant.Text)
                    expanded.Add(new UnitVariant(text, [.. variant.Rules, name], variant.GovernmentOnly || governmentOnly));
            }
        }

        return expanded;
    }

    /// <summary>聊城市财政局 = 市财政局 = 财政局: the city prefix added, swapped or removed.</summary>
    private static IEnumerable<(string, string, bool)> Prefix(string text)
    {
        if (text.StartsWith(CityPrefix, StringComparison.Ordinal))
        {
            var rest = text[CityPrefix.Length..];
            yield return (ShortPrefix + rest, "聊城市 → 市", false);
            yield return (rest, "聊城市 removed", false);
            yield break;
        }

        if (text.StartsWith(ShortPrefix, StringComparison.Ordinal))
        {
            var rest = text[ShortPrefix.Length..];
            yield return (CityPrefix + rest, "市 → 聊城市", false);
            yield return (rest, "市 removed", false);
        }

        // Also for a unit that starts with 市 as part of its name: 市场监管局 → 市市场监管局.
        yield return (ShortPrefix + text, "市 prefix added", false);
        yield return (CityPrefix + text, "聊城市 prefix added", false);
    }

    /// <summary>临清市政府办公室 → 临清市政府: a government's office stands for the government.</summary>
    private static IEnumerable<(string, string, bool)> GovernmentOffice(string text)
    {
        if (text.EndsWith("政府办公室", StringComparison.Ordinal))
            yield return (text[..^"办公室".Length], "government 办公室 → government", true);
    }

    /// <summary>临清市政府 = 临清市人民政府.</summary>
    private static IEnumerable<(string, string, bool)> PeoplesGovernment(string text)
    {
        if (text.EndsWith("人民政府", StringComparison.Ordinal))
            yield return (text[..^"人民政府".Length] + "政府", "人民政府 → 政府", true);
        else if (text.EndsWith("政府", StringComparison.Ordinal))
            yield return (text[..^"政府".Length] + "人民政府", "政府 → 人民政府", true);
    }

    /// <summary>市卫生健康委员会 = 市卫生健康委.</summary>
    private static IEnumerable<(string, string, bool)> Committee(string text)
    {
        if (text.Contains("委员会", StringComparison.Ordinal))
            yield return (text.Replace("委员会", "委", StringComparison.Ordinal), "委员会 → 委", false);
        else if (text.EndsWith('委'))
            yield return (text + "员会", "委 → 委员会", false);
    }

    /// <summary>市住房和城乡建设局 = 市住房城乡建设局.</summary>
    private static IEnumerable<(string, string, bool)> Conjunction(string text)
    {
        if (text.Contains('和', StringComparison.Ordinal))
            yield return (text.Replace("和", "", StringComparison.Ordinal), "和 removed", false);
        if (text.Contains('与', StringComparison.Ordinal))
            yield return (text.Replace("与", "", StringComparison.Ordinal), "与 removed", false);
    }
}
