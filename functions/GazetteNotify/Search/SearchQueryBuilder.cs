using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GazetteNotify.Search;

/// <summary>
/// A <see cref="SearchQuery"/> as a Lucene query, built from terms and never parsed: the reader's words go through the
/// same SmartCn analyzer as the documents did, each word a term, so no query syntax (+ - " * : ~ AND…) means anything —
/// it is segmented like any other text. Every word must occur (in the title, summary or text; the title counts most);
/// the whole query in the title as a phrase ranks higher. Filters restrict and do not score.
/// </summary>
public static class SearchQueryBuilder
{
    /// <summary>More segmented words than this and the rest are dropped: a query stays cheap whatever it is sent.</summary>
    public const int MaxTerms = 16;

    public static Query? Build(SearchQuery query, Analyzer analyzer, DateOnly today)
    {
        if (query.IsEmpty) return null;
        var all = new BooleanQuery();
        var words = Words(query.Words, analyzer);
        if (words.Count > 0)
        {
            foreach (var word in words)
            {
                var anyField = new DisjunctionMaxQuery(0.1f)
                {
                    new TermQuery(new Term(SearchFields.Title, word)) { Boost = 4f },
                    new TermQuery(new Term(SearchFields.Summary, word)) { Boost = 2f },
                    new TermQuery(new Term(SearchFields.Text, word)),
                };
                all.Add(anyField, Occur.MUST);
            }

            if (words.Count > 1)
            {
                var phrase = new PhraseQuery { Boost = 4f };
                foreach (var word in words) phrase.Add(new Term(SearchFields.Title, word));
                all.Add(phrase, Occur.SHOULD);
            }
        }
        else if (query.Words.Length > 0)
        {
            // Words that segment to nothing (punctuation only, stop words): nothing can match them.
            all.Add(new TermQuery(new Term(SearchFields.Title, "\uE002")), Occur.MUST);
        }

        if (query.DocNumber.Length > 0) Filter(all, new PrefixQuery(new Term(SearchFields.DocNumber, query.DocNumber)));
        if (query.Issuer.Length > 0) Filter(all, new TermQuery(new Term(SearchFields.Issuer, query.Issuer)));
        if (query.Topic.Length > 0) Filter(all, new TermQuery(new Term(SearchFields.Topic, query.Topic)));
        if (query.Kind.Length > 0) Filter(all, new TermQuery(new Term(SearchFields.Kind, query.Kind)));
        if (query.Year is { } year) Filter(all, new TermQuery(new Term(SearchFields.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (query.InForceOnly)
        {
            Filter(all, NumericRangeQuery.NewInt32Range(SearchFields.Until, SearchFields.DayNumber(today), SearchFields.Forever, true, true));
            all.Add(new TermQuery(new Term(SearchFields.Repealed, "1")), Occur.MUST_NOT);
        }

        return all;
    }

    /// <summary>A filter: must hold, adds nothing to the score (Lucene 4.8 has no FILTER clause).</summary>
    private static void Filter(BooleanQuery all, Query filter) => all.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);

    /// <summary>The reader's words as the analyzer segments them, each once, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Words(string text, Analyzer analyzer)
    {
        var words = new List<string>();
        if (text.Length == 0) return words;
        using var stream = analyzer.GetTokenStream(SearchFields.Title, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && words.Count < MaxTerms)
        {
            var word = term.ToString();
            if (!words.Contains(word, StringComparer.Ordinal)) words.Add(word);
        }

        stream.End();
        return words;
    }
}
