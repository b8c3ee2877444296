using System.Globalization;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A parsed issue as table rows (keys as in docs/storage.md): Issues (one), Documents (partition = issue, row = ordinal),
/// Tasks (partition = issue, row = doc|task) and Deadlines (partition = due period, row = date|issue|doc|task|n).
/// Pure: no storage here, so the mapping is tested without Azurite.
/// </summary>
public sealed record IssueRows(IssueRow Issue, IReadOnlyList<DocumentRow> Documents, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<DeadlineRow> Deadlines)
{
    public const string IssuesPartition = "issues";

    /// <summary>Table properties hold at most 32K characters; longer text goes to blobs, and rows say so.</summary>
    public const int MaxPropertyLength = 30_000;

    public int RowCount => 1 + Documents.Count + Tasks.Count + Deadlines.Count;

    public static IssueRows Build(string issueKey, GazetteIssue issue, Upload upload, DateTimeOffset now, WorkingCalendar? workingDays = null)
    {
        var calendar = workingDays ?? WorkingCalendar.China;
        var documents = new List<DocumentRow>(issue.Documents.Count);
        var tasks = new List<TaskRow>();
        var deadlines = new List<DeadlineRow>();
        for (var d = 0; d < issue.Documents.Count; d++)
        {
            var document = issue.Documents[d];
            var docKey = Ordinal(d + 1, 2);
            documents.Add(new DocumentRow
            {
                PartitionKey = issueKey,
                RowKey = docKey,
                DocNumber = document.DocNumber,
                Title = Cap(document.Title),
                Issuer = Cap(document.Issuer),
                SignedDate = document.SignedDate,
                Section = document.Section,
                TocPage = document.TocPage,
                Kind = document.Kind,
                AttachmentTitle = Cap(document.AttachmentTitle),
                Topics = document.Topics,
                Summary = Cap(document.Summary),
                EffectiveFrom = document.Effective?.From,
                EffectiveUntil = document.Effective?.Until,
                Repeals = document.Repeals,
                References = document.References,
                TaskCount = document.Tasks.Count,
                DeadlineCount = document.Deadlines.Count,
            });

            for (var t = 0; t < document.Tasks.Count; t++)
            {
                var task = document.Tasks[t];
                var taskKey = Ordinal(t + 1, 3);
                tasks.Add(new TaskRow
                {
                    PartitionKey = issueKey,
                    RowKey = $"{docKey}|{taskKey}",
                    DocNumber = document.DocNumber,
                    Item = task.Item,
                    Lead = task.Lead,
                    Support = task.Support,
                    // What the admin reads as the task's limits: ongoing fields (长期坚持, 全年) too, which set no reminder.
                    Deadlines = [.. task.Deadlines.Select(x => x.Text), .. task.Ongoing.Select(o => o.Text)],
                    Excerpt = task.Excerpt,
                    State = TaskState.Open,
                });

                for (var n = 0; n < task.Deadlines.Count; n++)
                {
                    var deadline = task.Deadlines[n];
                    var due = DueDateResolver.Resolve(deadline, document.SignedDate, calendar);
                    var partition = DeadlinePartition.Of(due);
                    var dateKey = due.NeedsReview || due.Recurrence is not null ? partition : StoredDate.Of(due.Date)!;
                    var limitRow = new DeadlineRow
                    {
                        PartitionKey = partition,
                        RowKey = $"{dateKey}|{issueKey}|{docKey}|{taskKey}|{n + 1}",
                        IssueKey = issueKey,
                        DocOrdinal = docKey,
                        TaskOrdinal = taskKey,
                        DocNumber = document.DocNumber,
                        Title = Cap(document.Title),
                        Item = task.Item,
                        Excerpt = task.Excerpt,
                        Lead = task.Lead,
                        Support = task.Support,
                        Phrase = deadline.Text,
                        Kind = deadline.Kind,
                        Date = due.NeedsReview ? null : due.Date,
                        Suggested = due.NeedsReview ? due.Date : null,
                        Basis = due.Basis,
                        Review = due.ReviewReason,
                        SignedDate = document.SignedDate,
                        ValidUntil = document.Effective?.Until,
                    };
                    // A repeating limit's rule as the parser stated it: reminders compute its occurrences from it.
                    RecurrenceColumns.Write(limitRow, due.Recurrence);
                    deadlines.Add(limitRow);
                }
            }
        }

        var warnings = JsonColumn.Write(issue.Warnings);
        var gazette = issue.Gazette;
        var row = new IssueRow
        {
            PartitionKey = IssuesPartition,
            RowKey = issueKey,
            Status = IssueStatus.Ingested,
            Title = Cap(gazette.Title),
            Year = gazette.Year,
            IssueNumbers = string.Join(",", gazette.IssueNumbers),
            CumulativeNumbers = string.Join(",", gazette.CumulativeNumbers),
            ContentSha256 = upload.ContentSha256,
            BlobName = upload.BlobName,
            Encoding = upload.Encoding,
            Reader = upload.Reader,
            Documents = documents.Count,
            Tasks = tasks.Count,
            Deadlines = deadlines.Count,
            WarningCount = issue.Warnings.Count,
            // Too many warnings for a property: they stay in issue.json (the contract carries them), and the row says where.
            WarningsJson = warnings.Length <= MaxPropertyLength ? warnings : null,
            WarningsBlob = warnings.Length <= MaxPropertyLength ? null : $"{issueKey}/issue.json",
            IngestedAt = now,
        };

        return new IssueRows(row, documents, tasks, deadlines);
    }

    public static IssueRow Rejection(string key, Upload upload, string reason, string quarantineBlob, DateTimeOffset now) => new()
    {
        PartitionKey = IssuesPartition,
        RowKey = key,
        Status = IssueStatus.Rejected,
        Reason = reason,
        ContentSha256 = upload.ContentSha256,
        BlobName = upload.BlobName,
        Reader = upload.Reader,
        QuarantineBlob = quarantineBlob,
        IngestedAt = now,
    };

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
