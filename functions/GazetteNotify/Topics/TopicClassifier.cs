using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Topics;

/// <summary>
/// Places each document in its best one to three topics. A keyword in the title (or the attached title) weighs most,
/// in the summary less, in the body least, and the body's share is capped so that a long text does not drown what its
/// title says. A genre that settles the subject (大事记, 任免) puts its topic first. Topics scoring under half the best
/// one are dropped. Pure.
/// </summary>
public sealed class TopicClassifier(TopicTaxonomy taxonomy)
{
    private const int TitleWeight = 10;
    private const int SummaryWeight = 3;
    private const int BodyCapPerKeyword = 5;
    private const int BodyCap = 12;
    private const int GenreBonus = 1000;
    private const int MaxTopics = 3;

    public static TopicClassifier Default { get; } = new(TopicTaxonomy.Default);

    public IReadOnlyList<string> Classify(GazetteDocument document, string text)
    {
        var heading = document.Title + "\n" + document.AttachmentTitle;
        var scores = new List<(string Id, int Score, int Order)>();
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            var topic = taxonomy.Topics[t];
            var score = 0;
            var body = 0;
            foreach (var keyword in topic.Keywords)
            {
                score += TitleWeight * Count(heading, keyword, 2) + SummaryWeight * Count(document.Summary, keyword, 2);
                body += Count(text, keyword, BodyCapPerKeyword);
            }

            score += Math.Min(body, BodyCap);
            if (document.Kind is { } kind && taxonomy.Kinds.TryGetValue(kind, out var settled) && settled == topic.Id) score += GenreBonus;

            if (score > 0) scores.Add((topic.Id, score, t));
        }

        if (scores.Count == 0) return [];
        scores.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        var best = scores[0].Score;
        // Against a genre's settled topic, the others compete among themselves.
        var rival = best >= GenreBonus ? best - GenreBonus : best;
        return scores.TakeWhile((s, i) => i < MaxTopics && (i == 0 || s.Score * 2 >= rival)).Select(s => s.Id).ToList();
    }

    /// <summary>Every document of an issue with its topics; texts are the parser's document texts, in order.</summary>
    public GazetteIssue ClassifyAll(GazetteIssue issue, IReadOnlyList<string> texts) => issue with
    {
        Documents = issue.Documents.Select((d, i) => d with { Topics = Classify(d, i < texts.Count ? texts[i] : "") }).ToList(),
    };

    private static int Count(string? text, string keyword, int cap)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0 && count < cap; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
