using System.Diagnostics;
using GazetteNotify.Alerts;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Parsing;
using GazetteNotify.Subscriptions;
using GazetteNotify.Topics;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Planning and rendering at city scale: 100,000 active subscribers × 20 new documents (from the samples), with
/// preferences drawn from the taxonomy and common keywords. Reports wall time, peak working set, digests, distinct
/// digests and the SendGrid requests they need at 1,000 personalizations per request.
/// Run: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --alerts
/// </summary>
internal static class AlertsBenchmark
{
    public static void Run(int subscribers = 100_000)
    {
        var documents = new List<AlertDocument>();
        foreach (var sample in new[] { "liaocheng-2018-07.txt", "liaocheng-2019-08.txt", "liaocheng-2022-06.txt" })
        {
            var parsed = GazetteParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", sample)));
            var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
            documents.AddRange(issue.Documents.Select((d, i) => new AlertDocument(sample, sample, d, parsed.DocumentTexts[i])));
        }

        documents = documents.Take(20).ToList();
        var people = Subscribers(subscribers);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        // Streamed as the job does it: each digest is keyed as it is planned; one digest per distinct key is kept to
        // render, the others only as recipients of that key's SendGrid request (links go in by substitution).
        var groups = new Dictionary<string, (Digest First, List<string> Recipients)>(StringComparer.Ordinal);
        var digestCount = 0;
        foreach (var digest in DigestPlanner.Plan(people, documents, [], new DateOnly(2022, 7, 1)))
        {
            digestCount++;
            var key = digest.ContentKey;
            if (groups.TryGetValue(key, out var group)) group.Recipients.Add(digest.Recipient.Value);
            else groups[key] = (digest, [digest.Recipient.Value]);
        }

        var planned = watch.Elapsed;
        var links = new RecipientLinks("-manage-", "-unsubscribe-", "-one-click-");
        var rendered = new RenderedMail[groups.Count];
        var firsts = groups.Values.Select(g => g.First).ToArray();
        Parallel.For(0, firsts.Length, i => rendered[i] = DigestRenderer.Render(firsts[i], links, "聊城市人民政府公报"));
        watch.Stop();
        var requests = groups.Values.Sum(g => (g.Recipients.Count + 999) / 1000);
        var minimum = (int)groups.Values.Sum(g => Math.Ceiling(g.Recipients.Count / 1000.0));
        Console.WriteLine($"alerts: {subscribers:N0} subscribers × {documents.Count} documents");
        Console.WriteLine($"  plan {planned.TotalMilliseconds:0} ms, plan + render {watch.Elapsed.TotalMilliseconds:0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
        Console.WriteLine($"  {digestCount:N0} digests, {groups.Count:N0} distinct, {rendered.Length:N0} rendered; SendGrid requests {requests:N0} (minimum {minimum:N0})");
    }

    /// <summary>
    /// Active subscribers with 0–2 random topics and 0–2 of 12 common keywords (at least one of either), seed 42:
    /// the same population for planning here and end to end in <c>--load-alerts</c>.
    /// </summary>
    internal static List<Subscription> Subscribers(int count)
    {
        var random = new Random(42);
        var topics = TopicTaxonomy.Default.Topics.Select(t => t.Id).ToArray();
        string[] keywords = ["居住证", "医保", "减税", "耕地", "安全生产", "营商环境", "公积金", "教育", "中医药", "口蹄疫", "大数据", "就业"];
        var people = new List<Subscription>(count);
        for (var i = 0; i < count; i++)
        {
            var prefs = new Preferences(
                Enumerable.Range(0, random.Next(0, 3)).Select(_ => topics[random.Next(topics.Length)]).Distinct().ToList(),
                Enumerable.Range(0, random.Next(0, 3)).Select(_ => keywords[random.Next(keywords.Length)]).Distinct().ToList(),
                [], [], DigestFrequency.EachIssue);
            if (prefs.IsEmpty) prefs = prefs with { Topics = [topics[random.Next(topics.Length)]] };
            people.Add(new Subscription(EmailAddress.Parse($"user{i}@example.com"), SubscriptionStatus.Active, prefs, DateTimeOffset.UnixEpoch));
        }

        return people;
    }
}
