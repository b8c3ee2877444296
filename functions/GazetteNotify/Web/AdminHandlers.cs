using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Web;

/// <summary>
/// Admin routes (behind function keys in Azure, the admin key locally): issues with status and reasons, one issue
/// whole, limits waiting for review, poisoned batches. JSON, UTF-8, Chinese unescaped.
/// </summary>
public sealed class AdminHandlers(IssueQueries queries, DeadlineSource deadlines, PoisonedBatches poisoned)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public async Task<PageResult> IssuesAsync(CancellationToken cancellationToken = default) =>
        Answer(await queries.ListAsync(cancellationToken));

    public async Task<PageResult> IssueAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        var detail = string.IsNullOrWhiteSpace(issueKey) ? null : await queries.ShowAsync(issueKey, cancellationToken);
        return detail is null
            ? new PageResult(404, JsonSerializer.Serialize(new { error = $"no issue {issueKey}" }, Json)) { ContentType = JsonContentType }
            : Answer(new { detail.Issue, Documents = Rows(detail.Documents), Tasks = Rows(detail.Tasks), Deadlines = Rows(detail.Deadlines) });
    }

    public async Task<PageResult> ReviewAsync(CancellationToken cancellationToken = default) =>
        Answer(Rows(await deadlines.ReviewListAsync(cancellationToken)));

    public async Task<PageResult> PoisonedAsync(CancellationToken cancellationToken = default) =>
        Answer(Rows(await poisoned.ListAsync(cancellationToken)));

    private static PageResult Answer<T>(T value) => new(200, JsonSerializer.Serialize(value, Json)) { ContentType = JsonContentType };

    /// <summary>Table rows as plain property bags, named as stored (no odata noise).</summary>
    private static List<Dictionary<string, object?>> Rows(IEnumerable<ITableEntity> rows) => rows.Select(TableColumns.Values).ToList();
}
