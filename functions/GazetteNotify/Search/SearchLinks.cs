using System.Globalization;
using System.Text;

namespace GazetteNotify.Search;

/// <summary>A query as the search page's query string (q, number, issuer, topic, year, kind, inforce, page): the pager's links and the form's names.</summary>
public static class SearchLinks
{
    public static string QueryString(SearchQuery query)
    {
        var sb = new StringBuilder();
        Add(sb, "q", query.Words);
        Add(sb, "number", query.DocNumber);
        Add(sb, "issuer", query.Issuer);
        Add(sb, "topic", query.Topic);
        Add(sb, "year", query.Year?.ToString(CultureInfo.InvariantCulture));
        Add(sb, "kind", query.Kind);
        if (query.InForceOnly) Add(sb, "inforce", "1");
        if (query.Page > 1) Add(sb, "page", query.Page.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static void Add(StringBuilder sb, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        sb.Append(sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
