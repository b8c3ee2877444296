using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Alerts;

/// <summary>
/// The alerts timer job: documents of issues ingested since the last successful run (a stored watermark) × active
/// subscribers → one digest each (never an empty one), sent through the ledger so that a rerun sends what is missing
/// and nothing twice. The watermark moves only when every digest of the run is recorded as sent.
/// Each digest also lists the subscriber's matching deadlines due in the next 30 days (from the Deadlines table).
/// This version sends every digest after each issue; daily and weekly batching and the e-mail-batches queue fan-out
/// are the next steps of issue 5.
/// </summary>
public sealed class SendTopicAlerts(
    GazetteStorage storage, IMailTransport transport, LinkTokens tokens, AlertSettings settings, TimeProvider clock)
{
    private const string WatermarkPartition = "watermarks";
    private const string WatermarkRow = "alerts";

    public async Task<AlertRun> RunAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var state = storage.Table(storage.Names.JobStateTable);
        var mark = await state.GetEntityIfExistsAsync<TableEntity>(WatermarkPartition, WatermarkRow, cancellationToken: cancellationToken);
        var watermark = mark.HasValue ? mark.Value!.GetDateTimeOffset("LastIngestedAt") ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;

        var issues = new List<TableEntity>();
        await foreach (var row in storage.Table(storage.Names.IssuesTable).QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {IssueRows.IssuesPartition} and Status eq {"ingested"}"), cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("IngestedAt") is { } at && at > watermark) issues.Add(row);
        }

        if (issues.Count == 0) return new AlertRun(null, 0, 0, 0, 0, 0, 0, false);
        var newest = issues.Max(i => i.GetDateTimeOffset("IngestedAt")!.Value);
        var run = "alerts-" + newest.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var documents = new List<AlertDocument>();
        foreach (var issue in issues.OrderBy(i => i.RowKey, StringComparer.Ordinal)) documents.AddRange(await LoadAsync(issue, cancellationToken));

        var subscribers = new List<Subscription>();
        await foreach (var s in new SubscriberStore(storage, clock).ListAsync(SubscriptionStatus.Active, cancellationToken)) subscribers.Add(s);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var upcoming = await UpcomingAsync(today, cancellationToken);
        var digests = DigestPlanner.Plan(subscribers, documents, upcoming, today).ToList();

        var ledger = new DeliveryLedger(storage, clock);
        int sent = 0, already = 0, failed = 0;
        foreach (var digest in digests)
        {
            var recipientKey = digest.Recipient.Hash()[..32];
            if (!await ledger.BeginAsync(run, recipientKey, cancellationToken))
            {
                already++;
                continue;
            }

            var mail = DigestRenderer.Render(digest, Links(digest.Recipient), settings.GazetteName);
            var result = await transport.SendAsync(mail, $"{run}-{recipientKey[..16]}", cancellationToken);
            await ledger.CompleteAsync(run, recipientKey, result, cancellationToken);
            if (result.Sent) sent++;
            else failed++;
        }

        var advance = failed == 0;
        if (advance)
        {
            await state.UpsertEntityAsync(new TableEntity(WatermarkPartition, WatermarkRow) { ["LastIngestedAt"] = newest, ["Run"] = run }, TableUpdateMode.Replace, cancellationToken);
        }

        return new AlertRun(run, issues.Count, documents.Count, digests.Count, sent, already, failed, advance);
    }

    /// <summary>Deadlines due in the next 30 days (any issue), each with its document as stored, for matching.</summary>
    private async Task<List<AlertDeadline>> UpcomingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await new Queries.IssueQueries(storage).DeadlinesAsync(today, today.AddDays((int)DigestPlanner.UpcomingWindow.TotalDays), null, cancellationToken);
        var documents = new Dictionary<(string Issue, string? Number, string? Title), AlertDocument>();
        foreach (var issueKey in rows.Select(r => r.IssueKey).Distinct(StringComparer.Ordinal))
        {
            await foreach (var d in storage.Table(storage.Names.DocumentsTable).QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {issueKey}"), cancellationToken: cancellationToken))
            {
                var document = StoredDocument(d);
                documents[(issueKey, document.DocNumber, document.Title)] = new AlertDocument(issueKey, issueKey, document, "");
            }
        }

        var upcoming = new List<AlertDeadline>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Date is null || !documents.TryGetValue((row.IssueKey, row.DocNumber, row.Title), out var source)) continue;
            upcoming.Add(new AlertDeadline(DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), row.Phrase, source, [.. row.Lead, .. row.Support]));
        }

        return upcoming;
    }

    /// <summary>A document as the Documents table keeps it: enough to match subscriptions and to name it.</summary>
    private static GazetteDocument StoredDocument(TableEntity row) => new(
        Section: row.GetString("Section") ?? "",
        DocNumber: row.GetString("DocNumber"),
        Title: row.GetString("Title") ?? "",
        Issuer: row.GetString("Issuer"),
        SignedDate: row.GetString("SignedDate") is { } signed ? DateOnly.ParseExact(signed, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        TocPage: row.GetInt32("TocPage"),
        Kind: row.GetString("Kind"),
        AttachmentTitle: row.GetString("AttachmentTitle"),
        Topics: IssueRows.FromJson(row.GetString("Topics")),
        Summary: row.GetString("Summary") ?? "",
        Effective: null,
        Repeals: IssueRows.FromJson(row.GetString("Repeals")),
        Tasks: [],
        Deadlines: [],
        References: IssueRows.FromJson(row.GetString("References")));

    private RecipientLinks Links(EmailAddress recipient)
    {
        var manage = tokens.Issue("manage", recipient.Value, null);
        var unsubscribe = tokens.Issue("unsubscribe", recipient.Value, null);
        return new RecipientLinks(
            new Uri(settings.PublicBaseUrl, $"manage?token={Uri.EscapeDataString(manage)}").ToString(),
            new Uri(settings.PublicBaseUrl, $"unsubscribe?token={Uri.EscapeDataString(unsubscribe)}").ToString(),
            new Uri(settings.PublicBaseUrl, $"api/unsubscribe?token={Uri.EscapeDataString(unsubscribe)}").ToString());
    }

    private async Task<List<AlertDocument>> LoadAsync(TableEntity issueRow, CancellationToken cancellationToken)
    {
        var key = issueRow.RowKey;
        var json = (await storage.Parsed.GetBlobClient($"{key}/issue.json").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        var issue = GazetteJson.Deserialize(json) ?? throw new InvalidDataException($"gazette-parsed/{key}/issue.json is not an issue");
        var text = (await storage.Parsed.GetBlobClient($"{key}/text.txt").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        var texts = NormalisedText.Split(text, issue.Documents.Count);
        var name = $"{issue.Gazette.Year}年第{string.Join("-", issue.Gazette.IssueNumbers)}期";
        return issue.Documents.Select((d, i) => new AlertDocument(key, name, d, texts[i])).ToList();
    }
}
