using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Queries;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Alerts;

/// <summary>
/// The alerts timer job: documents of issues ingested since the last successful run (a stored watermark) × active
/// subscribers → one digest each (never an empty one). Digests with the same content are rendered once and handed, up
/// to 1,000 recipients a batch with each recipient's own links, to the mail sink (the email-batches queue in the hosts,
/// SendEmailBatch in-process for `gazette run`), whose ledger makes a rerun send what is missing and nothing twice.
/// The watermark moves only when no digest of the run failed.
/// Each digest also lists the subscriber's matching deadlines due in the next 30 days (from the Deadlines table).
/// Subscribers choose how often: after each issue, daily or weekly (from 08:00 China time); each digest covers the
/// issues ingested since their previous one, so a document reaches a subscriber once.
/// </summary>
public sealed class SendTopicAlerts(
    GazetteStorage storage, SubscriberStore store, IssueQueries queries, IEmailBatchSink sink, LinkTokens tokens, SiteSettings settings, TimeProvider clock)
{
    /// <summary>
    /// The ledger partition of the digests that cover issues up to <paramref name="through"/>: a rerun plans the same
    /// subscribers into the same run, so the ledger sees what it already sent.
    /// </summary>
    public static string RunKey(DateTimeOffset through) => "alerts-" + through.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public async Task<AlertRun> RunAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var state = storage.Table(storage.Names.JobStateTable);
        var mark = await state.GetEntityIfExistsAsync<WatermarkRow>(WatermarkRow.Partition, WatermarkRow.Alerts, cancellationToken: cancellationToken);
        var watermark = mark.HasValue ? mark.Value!.LastIngestedAt ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;

        // Every ingested issue with its time: each subscriber's digest starts after what their last one covered.
        var issues = new List<(IssueRow Row, DateTimeOffset At)>();
        await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<IssueRow>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {IssueRows.IssuesPartition} and Status eq {StoredName.Of(IssueStatus.Ingested)}"), cancellationToken: cancellationToken))
        {
            if (row.IngestedAt is { } at) issues.Add((row, at));
        }

        var newIssues = issues.Count(i => i.At > watermark);
        var subscribers = new List<Subscription>();
        var suppressed = await SendGridEvents.SuppressedAsync(storage, cancellationToken);
        await foreach (var s in store.ListAsync(SubscriptionStatus.Active, cancellationToken))
        {
            if (!suppressed.Contains(s.Email.Value)) subscribers.Add(s); // a hard bounce or spam report: never planned again
        }

        if (issues.Count == 0 || subscribers.Count == 0 && newIssues == 0) return new AlertRun(null, 0, 0, 0, 0, 0, 0, false);

        var now = clock.GetUtcNow();
        var today = Time.ChinaTime.Day(now);
        var upcoming = await UpcomingAsync(today, cancellationToken);
        var loaded = new Dictionary<string, List<AlertDocument>>(StringComparer.Ordinal);
        var digests = 0;
        string? lastRun = null;
        var documentsSeen = new HashSet<string>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Run, string ContentKey), DigestGroup>();
        var marks = new List<DigestMark>();

        foreach (var subscriber in subscribers)
        {
            var cutoff = subscriber.DigestedThrough ?? watermark;
            var pending = issues.Where(i => i.At > cutoff).OrderBy(i => i.Row.RowKey, StringComparer.Ordinal).ToList();
            if (pending.Count == 0) continue;
            if (!IsDue(subscriber, now))
            {
                // Not their turn yet: remember where their next digest starts, so nothing new is skipped meanwhile.
                if (subscriber.DigestedThrough is null) await MarkAsync(store, marks, new DigestMark(subscriber.Email, cutoff, null), cancellationToken);
                continue;
            }

            var documents = new List<AlertDocument>();
            foreach (var (row, _) in pending)
            {
                if (!loaded.TryGetValue(row.RowKey, out var docs))
                {
                    loaded[row.RowKey] = docs = await LoadAsync(row, cancellationToken);
                    foreach (var d in docs) documentsSeen.Add(row.RowKey + "/" + (d.Document.DocNumber ?? d.Document.Title));
                }

                documents.AddRange(docs);
            }

            var through = pending.Max(i => i.At);
            var digest = DigestPlanner.Plan([subscriber], documents, upcoming, today).SingleOrDefault();
            if (digest is null)
            {
                await MarkAsync(store, marks, new DigestMark(subscriber.Email, through, null), cancellationToken); // nothing matched: never an empty digest
                continue;
            }

            digests++;
            var run = RunKey(through);
            lastRun = run;
            // Grouped as planned, and only a group's first digest kept (to render): holding all 97,000 digests of
            // the 100,000-subscriber load run (docs/performance.md) took 1.1 GB; their recipients alone are a few MB.
            if (!groups.TryGetValue((run, digest.ContentKey), out var group)) groups[(run, digest.ContentKey)] = group = new DigestGroup(digest, run, []);
            group.Recipients.Add((digest.Recipient, through));
        }

        var handed = await SubmitAsync(store, marks, groups.Values, now, cancellationToken);
        await store.MarkDigestedAsync(marks, cancellationToken);
        var advance = handed.Failed == 0 && newIssues > 0;
        if (advance)
        {
            var newest = issues.Max(i => i.At);
            await state.UpsertEntityAsync(new WatermarkRow { PartitionKey = WatermarkRow.Partition, RowKey = WatermarkRow.Alerts, LastIngestedAt = newest }, TableUpdateMode.Replace, cancellationToken);
        }

        return new AlertRun(lastRun, newIssues, documentsSeen.Count, digests, handed.Sent, handed.AlreadySent, handed.Failed, advance) { Batches = handed.Batches };
    }

    /// <summary>
    /// Fan-out: digests with the same content are rendered once and go, 1,000 recipients a batch, to the sink with each
    /// recipient's own links. A subscriber counts as served once the batch is queued (the queue delivers at least once
    /// and the ledger at most once) or, in-process, once their mail is sent or was sent before. Distinct digests are
    /// many (19,430 digests of 10 issues were 3,813 distinct in the 100,000-subscriber load run (docs/performance.md)) and each is a blob write and a queue
    /// message, so several are handed over at a time, a slice at a time; a slice's subscribers are marked once all its
    /// batches are handed over.
    /// </summary>
    private async Task<Handed> SubmitAsync(
        SubscriberStore subscribers, List<DigestMark> marks, IEnumerable<DigestGroup> groups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int batches = 0, sent = 0, already = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SubmitParallelism, CancellationToken = cancellationToken };
        foreach (var slice in groups.Chunk(SubmitSlice))
        {
            var unserved = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(slice, parallel, async (group, token) =>
            {
                var template = DigestRenderer.Render(group.First, EmailBatch.Slots, settings.GazetteName, settings.PublicBaseUrl);
                foreach (var chunk in group.Recipients.Chunk(EmailBatch.MaxRecipients))
                {
                    var recipients = chunk.Select(r =>
                    {
                        var key = DeliveryLedger.RecipientKey(r.Recipient);
                        return new BatchRecipient(r.Recipient.Value, key, DeliveryLedger.DeliveryId(group.Run, key), Links(r.Recipient));
                    }).ToList();
                    var result = await sink.SubmitAsync(new EmailBatch(group.Run, template.Subject, template.Html, template.Text, template.Headers, recipients), token);
                    if (result.WasQueued) Interlocked.Increment(ref batches);
                    Interlocked.Add(ref sent, result.Sent);
                    Interlocked.Add(ref already, result.AlreadySent + result.InFlight);
                    Interlocked.Add(ref failed, result.Failed + result.Uncertain);
                    foreach (var key in result.Unserved) unserved[key] = true;
                }
            });

            foreach (var group in slice)
            {
                foreach (var (recipient, through) in group.Recipients)
                {
                    // The key is a hash of the address: worked out again only when someone in the slice went unserved
                    // (never through the queue, rarely in-process), not for each of 100,000 recipients every run.
                    if (unserved.IsEmpty || !unserved.ContainsKey(DeliveryLedger.RecipientKey(recipient))) await MarkAsync(subscribers, marks, new DigestMark(recipient, through, now), cancellationToken);
                }
            }
        }

        return new Handed(batches, sent, already, failed);
    }

    /// <summary>What the sink did with a run's digests: batches queued, or mails sent, already sent and failed.</summary>
    private sealed record Handed(int Batches, int Sent, int AlreadySent, int Failed);

    /// <summary>Digests of one run with the same content: the first (rendered once for all) and who gets it, covering what.</summary>
    private sealed record DigestGroup(Digest First, string Run, List<(EmailAddress Recipient, DateTimeOffset Through)> Recipients);

    /// <summary>Distinct digests rendered and handed over at once: storage latency, not CPU, is what they wait on.</summary>
    private const int SubmitParallelism = 8;

    /// <summary>Distinct digests handed over before their subscribers are marked (a run cut short re-plans at most these).</summary>
    private const int SubmitSlice = 500;

    /// <summary>
    /// Subscribers' marks are written together (SubscriberStore batches them by partition), every this many: few enough
    /// round trips for 100,000 subscribers, and a run cut short loses at most this many — which is safe either way: a
    /// subscriber not marked is planned again next run, and the ledger keeps a digest from going twice.
    /// </summary>
    private const int MarkEvery = 10_000;

    private static async Task MarkAsync(SubscriberStore store, List<DigestMark> marks, DigestMark mark, CancellationToken cancellationToken)
    {
        marks.Add(mark);
        if (marks.Count < MarkEvery) return;
        await store.MarkDigestedAsync(marks, cancellationToken);
        marks.Clear();
    }

    /// <summary>Digest hour for daily and weekly subscribers, China time.</summary>
    private static readonly TimeSpan DigestHour = new TimeOnly(8, 0).ToTimeSpan();

    /// <summary>
    /// After each issue: always. Daily: once per China day, from 08:00. Weekly: once in 7 days, from 08:00.
    /// </summary>
    private static bool IsDue(Subscription subscriber, DateTimeOffset now)
    {
        var local = Time.ChinaTime.Of(now);
        switch (subscriber.Preferences.Frequency)
        {
            case DigestFrequency.EachIssue:
                return true;
            case DigestFrequency.Daily:
                return local.TimeOfDay >= DigestHour && (subscriber.LastDigestAt is not { } last || Time.ChinaTime.Of(last).Date < local.Date);
            default:
                return local.TimeOfDay >= DigestHour && (subscriber.LastDigestAt is not { } lastWeek || now - lastWeek >= TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        }
    }

    /// <summary>Deadlines due in the next 30 days (any issue), each with its document as stored, for matching.</summary>
    private async Task<List<AlertDeadline>> UpcomingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await queries.DeadlinesAsync(today, today.AddDays((int)DigestPlanner.UpcomingWindow.TotalDays), null, cancellationToken);
        var documents = new Dictionary<(string Issue, string? Number, string? Title), AlertDocument>();
        foreach (var issueKey in rows.Select(r => r.IssueKey ?? "").Distinct(StringComparer.Ordinal))
        {
            await foreach (var d in storage.Table(storage.Names.DocumentsTable).QueryAsync<DocumentRow>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), cancellationToken: cancellationToken))
            {
                var document = d.ToDocument();
                documents[(issueKey, document.DocNumber, document.Title)] = new AlertDocument(issueKey, issueKey, document, "") { DocKey = d.RowKey };
            }
        }

        var upcoming = new List<AlertDeadline>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Date is not { } due || !documents.TryGetValue((row.IssueKey ?? "", row.DocNumber, row.Title), out var source)) continue;
            upcoming.Add(new AlertDeadline(due, row.Phrase ?? "", source, [.. row.Lead, .. row.Support]));
        }

        return upcoming;
    }

    private RecipientLinks Links(EmailAddress recipient)
    {
        var manage = tokens.Issue(LinkPurposes.Manage, recipient.Value);
        var unsubscribe = tokens.Issue(LinkPurposes.Unsubscribe, recipient.Value);
        return new RecipientLinks(
            Site.Routes.WithToken(settings.PublicBaseUrl, Site.Routes.Manage, manage),
            Site.Routes.WithToken(settings.PublicBaseUrl, Site.Routes.Unsubscribe, unsubscribe),
            Site.Routes.WithToken(settings.PublicBaseUrl, Site.Routes.OneClickUnsubscribe, unsubscribe));
    }

    private async Task<List<AlertDocument>> LoadAsync(IssueRow issueRow, CancellationToken cancellationToken)
    {
        var key = issueRow.RowKey;
        var json = (await storage.Parsed.GetBlobClient($"{key}/issue.json").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        var issue = GazetteJson.Deserialize(json) ?? throw new InvalidDataException($"gazette-parsed/{key}/issue.json is not an issue");
        var text = (await storage.Parsed.GetBlobClient($"{key}/text.txt").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        var texts = NormalisedText.Split(text, issue.Documents.Count);
        // A single document uploaded on its own belongs to no issue: its digest line names none.
        var name = issue.Gazette is { Year: { } year, IssueNumbers.Count: > 0 } ? $"{year}年第{string.Join("-", issue.Gazette.IssueNumbers)}期" : "";
        return issue.Documents.Select((d, i) => new AlertDocument(key, name, d, texts[i]) { DocKey = (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
    }
}
