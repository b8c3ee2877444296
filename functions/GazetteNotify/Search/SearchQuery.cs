using System.Globalization;
using System.Text;

namespace GazetteNotify.Search;

/// <summary>
/// What a reader asks the archive, already bounded: words and a 发文字号 cut to a length, filters to plain values, the
/// page within <see cref="MaxPage"/>. Whatever arrives from a URL becomes one of these before anything reads it.
/// </summary>
public sealed record SearchQuery(string Words, string DocNumber, string Issuer, string Topic, int? Year, string Kind, bool InForceOnly, int Page)
{
    /// <summary>A longer query says nothing more; it would only cost analysis time.</summary>
    public const int MaxWords = 100;

    public const int MaxField = 60;

    public const int PageSize = 10;

    /// <summary>1,000 results deep: past that a reader narrows the query instead.</summary>
    public const int MaxPage = 100;

    public static SearchQuery Empty { get; } = new("", "", "", "", null, "", false, 1);

    /// <summary>Nothing asked: the page shows the form alone.</summary>
    public bool IsEmpty => Words.Length == 0 && DocNumber.Length == 0 && Issuer.Length == 0 && Topic.Length == 0 && Year is null && Kind.Length == 0 && !InForceOnly;

    /// <summary>From the query string's values as they came (any length, any script, or missing).</summary>
    public static SearchQuery From(string? words, string? docNumber, string? issuer, string? topic, string? year, string? kind, string? inForce, string? page) => new(
        Clean(words, MaxWords),
        SearchFields.NormaliseDocNumber(Clean(docNumber, MaxField)),
        Clean(issuer, MaxField),
        Clean(topic, MaxField),
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100 ? y : null,
        Clean(kind, MaxField),
        inForce is "1" or "true" or "on",
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, MaxPage) : 1);

    /// <summary>Control, invisible (zero-width) and private-use characters (the highlighter's marks) go, runs of space become one, then the cap.</summary>
    public static string Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var sb = new StringBuilder(Math.Min(value.Length, max));
        var space = false;
        for (var i = 0; i < value.Length && sb.Length < max; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            // A character beyond the BMP (CJK Extension B in a name) is a pair, kept whole; a lone half is noise.
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var category = pair ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, value[i + 1])) : char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format)
            {
                if (pair) i++;
                continue;
            }

            if (sb.Length + (space ? 1 : 0) + (pair ? 2 : 1) > max) break;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (pair) sb.Append(value[++i]);
        }

        return sb.ToString();
    }
}
