using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A parsed issue as table rows (keys as in docs/storage.md): Issues (one), Documents (partition = issue, row = ordinal),
/// Tasks (partition = issue, row = doc|task) and Deadlines (partition = due period, row = date|issue|doc|task|n).
/// Pure: no storage here, so the mapping is tested without Azurite.
/// </summary>
public sealed record IssueRows(TableEntity Issue, IReadOnlyList<TableEntity> Documents, IReadOnlyList<TableEntity> Tasks, IReadOnlyList<TableEntity> Deadlines)
{
    public const string IssuesPartition = "issues";

    /// <summary>Table properties hold at most 32K characters; longer text goes to blobs, and rows say so.</summary>
    public const int MaxPropertyLength = 30_000;

    public int RowCount => 1 + Documents.Count + Tasks.Count + Deadlines.Count;

    public static IssueRows Build(string issueKey, GazetteIssue issue, Upload upload, DateTimeOffset now, WorkingCalendar? workingDays = null)
    {
        var calendar = workingDays ?? WorkingCalendar.China;
        var documents = new List<TableEntity>(issue.Documents.Count);
        var tasks = new List<TableEntity>();
        var deadlines = new List<TableEntity>();
        for (var d = 0; d < issue.Documents.Count; d++)
        {
            var document = issue.Documents[d];
            var docKey = Ordinal(d + 1, 2);
            documents.Add(new TableEntity(issueKey, docKey)
            {
                ["DocNumber"] = document.DocNumber,
                ["Title"] = Cap(document.Title),
                ["Issuer"] = Cap(document.Issuer),
                ["SignedDate"] = Iso(document.SignedDate),
                ["Section"] = document.Section,
                ["TocPage"] = document.TocPage,
                ["Kind"] = document.Kind,
                ["AttachmentTitle"] = Cap(document.AttachmentTitle),
                ["Topics"] = ListJson(document.Topics),
                ["Summary"] = Cap(document.Summary),
                ["EffectiveFrom"] = Iso(document.Effective?.From),
                ["EffectiveUntil"] = Iso(document.Effective?.Until),
                ["Repeals"] = ListJson(document.Repeals),
                ["References"] = ListJson(document.References),
                ["TaskCount"] = document.Tasks.Count,
                ["DeadlineCount"] = document.Deadlines.Count,
            });

            for (var t = 0; t < document.Tasks.Count; t++)
            {
                var task = document.Tasks[t];
                var taskKey = Ordinal(t + 1, 3);
                tasks.Add(new TableEntity(issueKey, $"{docKey}|{taskKey}")
                {
                    ["DocNumber"] = document.DocNumber,
                    ["Item"] = task.Item,
                    ["Lead"] = ListJson(task.Lead),
                    ["Support"] = ListJson(task.Support),
                    // What the admin reads as the task's limits: ongoing fields (长期坚持, 全年) too, which set no reminder.
                    ["Deadlines"] = ListJson([.. task.Deadlines.Select(x => x.Text), .. task.Ongoing.Select(o => o.Text)]),
                    ["Excerpt"] = task.Excerpt,
                    ["State"] = "open",
                });

                for (var n = 0; n < task.Deadlines.Count; n++)
                {
                    var deadline = task.Deadlines[n];
                    var due = DueDateResolver.Resolve(deadline, document.SignedDate, calendar);
                    var partition = DeadlinePartition.Of(due);
                    var dateKey = due.NeedsReview || due.Recurrence is not null ? partition : Iso(due.Date)!;
                    var limitRow = new TableEntity(partition, $"{dateKey}|{issueKey}|{docKey}|{taskKey}|{n + 1}")
                    {
                        ["IssueKey"] = issueKey,
                        ["DocOrdinal"] = docKey,
                        ["TaskOrdinal"] = taskKey,
                        ["DocNumber"] = document.DocNumber,
                        ["Title"] = Cap(document.Title),
                        ["Item"] = task.Item,
                        ["Excerpt"] = task.Excerpt,
                        ["Lead"] = ListJson(task.Lead),
                        ["Support"] = ListJson(task.Support),
                        ["Phrase"] = deadline.Text,
                        ["Kind"] = KindName(deadline.Kind),
                        ["Date"] = due.NeedsReview ? null : Iso(due.Date),
                        ["Suggested"] = due.NeedsReview ? Iso(due.Date) : null,
                        ["Basis"] = due.Basis,
                        ["Review"] = due.ReviewReason,
                        ["SignedDate"] = Iso(document.SignedDate),
                        ["ValidUntil"] = Iso(document.Effective?.Until),
                    };
                    // A repeating limit's rule as the parser stated it: reminders compute its occurrences from it.
                    RecurrenceColumns.Write(limitRow, due.Recurrence);
                    deadlines.Add(limitRow);
                }
            }
        }

        var warnings = JsonColumn.Write(issue.Warnings);
        var gazette = issue.Gazette;
        var row = new TableEntity(IssuesPartition, issueKey)
        {
            ["Status"] = "ingested",
            ["Title"] = Cap(gazette.Title),
            ["Year"] = gazette.Year,
            ["IssueNumbers"] = string.Join(",", gazette.IssueNumbers),
            ["CumulativeNumbers"] = string.Join(",", gazette.CumulativeNumbers),
            ["ContentSha256"] = upload.ContentSha256,
            ["BlobName"] = upload.BlobName,
            ["Encoding"] = upload.Encoding,
            ["Reader"] = upload.Reader.ToString(),
            ["Documents"] = documents.Count,
            ["Tasks"] = tasks.Count,
            ["Deadlines"] = deadlines.Count,
            ["WarningCount"] = issue.Warnings.Count,
            // Too many warnings for a property: they stay in issue.json (the contract carries them), and the row says where.
            ["Warnings"] = warnings.Length <= MaxPropertyLength ? warnings : null,
            ["WarningsBlob"] = warnings.Length <= MaxPropertyLength ? null : $"{issueKey}/issue.json",
            ["Reason"] = null,
            ["IngestedAt"] = now,
        };

        return new IssueRows(row, documents, tasks, deadlines);
    }

    public static TableEntity Rejection(string key, Upload upload, string reason, string quarantineBlob, DateTimeOffset now) =>
        new(IssuesPartition, key)
        {
            ["Status"] = "rejected",
            ["Reason"] = reason,
            ["ContentSha256"] = upload.ContentSha256,
            ["BlobName"] = upload.BlobName,
            ["Reader"] = upload.Reader.ToString(),
            ["QuarantineBlob"] = quarantineBlob,
            ["Documents"] = 0,
            ["Tasks"] = 0,
            ["Deadlines"] = 0,
            ["WarningCount"] = 0,
            ["IngestedAt"] = now,
        };

    /// <summary>A document as the Documents table keeps it: enough to match subscriptions and to name it.</summary>
    public static GazetteDocument ReadDocument(TableEntity row) => new(
        Section: row.GetString("Section") ?? "",
        DocNumber: row.GetString("DocNumber"),
        Title: row.GetString("Title") ?? "",
        Issuer: row.GetString("Issuer"),
        SignedDate: row.GetString("SignedDate") is { } signed ? DateOnly.ParseExact(signed, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        TocPage: row.GetInt32("TocPage"),
        Kind: row.GetString("Kind"),
        AttachmentTitle: row.GetString("AttachmentTitle"),
        Topics: JsonColumn.Read(row.GetString("Topics")),
        Summary: row.GetString("Summary") ?? "",
        Effective: null,
        Repeals: JsonColumn.Read(row.GetString("Repeals")),
        Tasks: [],
        Deadlines: [],
        References: JsonColumn.Read(row.GetString("References")));

    public static string KindName(DeadlineKind kind) => kind.ToString().ToLowerInvariant();

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ordinal(int n, int width) => n.ToString(new string('0', width), CultureInfo.InvariantCulture);

    /// <summary>
    /// Text for a property, cut to fit: an upload can carry a title of any length, and a property that does not fit
    /// fails the whole batch. The full text stays in issue.json.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Cap(string? text) => text is null || text.Length <= MaxPropertyLength ? text : text[..MaxPropertyLength];

    /// <summary>A list as JSON for a property; when it does not fit, as many leading items as do (issue.json has them all).</summary>
    public static string ListJson(IReadOnlyList<string> values)
    {
        var json = JsonColumn.Write(values);
        for (var take = values.Count * MaxPropertyLength / Math.Max(json.Length, 1); json.Length > MaxPropertyLength && take >= 0; take--)
        {
            json = JsonColumn.Write(values.Take(take).Select(v => v.Length <= MaxPropertyLength / 2 ? v : v[..(MaxPropertyLength / 2)]));
        }

        return json;
    }
}

/// <summary>The bytes behind an ingestion: where they came from, their hash, how they were read.</summary>
public sealed record Upload(string BlobName, string ContentSha256, string Encoding)
{
    /// <summary>The reader its bytes called for (text, PDF, Word, web page).</summary>
    public GazetteNotify.Formats.UploadFormat Reader { get; init; } = GazetteNotify.Formats.UploadFormat.Text;
}
