using Azure;
using Azure.Data.Tables;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Admin;

/// <summary>
/// What an admin can do, the same from the admin page and from `gazette`: settle or dismiss a limit waiting for review,
/// give a department an address (one, or a directory import), retry a poisoned batch, re-ingest an upload. Each is safe
/// to repeat — a repeat changes nothing more and says so — and each is recorded in <see cref="AdminAudit"/>.
/// </summary>
public sealed class AdminActions(GazetteStorage storage, IngestIssue ingest, DeadlineSource deadlines, DepartmentStore departments, AdminAudit audit, TimeProvider clock)
{
    public async Task<AdminActionResult> SettleReviewAsync(string key, DateOnly? date, string? note, string who, CancellationToken cancellationToken = default)
    {
        var settled = await deadlines.SettleAsync(key, date, note, cancellationToken);
        var result = !settled ? new AdminActionResult(false, $"时限 {key} 不在待复核列表中（可能已处理）。")
            : date is { } day ? new AdminActionResult(true, $"时限 {key} 定为 {day:yyyy-MM-dd}，此后按期提醒。")
            : new AdminActionResult(true, $"时限 {key} 已驳回：不是任务期限，不再提醒。");
        await audit.RecordAsync(who, date is null ? "dismiss-review" : "settle-review", key + (note is { Length: > 0 } ? $" · {note}" : ""), result.Message, cancellationToken);
        return result;
    }

    public async Task<AdminActionResult> SetDepartmentEmailAsync(string department, string email, string who, CancellationToken cancellationToken = default)
    {
        AdminActionResult result;
        if (!EmailAddress.TryParse(email, out var address)) result = new AdminActionResult(false, "请填写有效的电子邮箱地址。");
        else
        {
            var store = departments;
            var directory = await store.LoadAsync(cancellationToken);
            if (directory.Find(department) is not { } found) result = new AdminActionResult(false, $"通讯录中没有「{department}」。");
            else if (found.Emails.Contains(address!.Value, StringComparer.OrdinalIgnoreCase)) result = new AdminActionResult(false, $"{found.Name}已有此邮箱，未作更改。");
            else
            {
                await store.SaveAsync(directory.WithEmail(found.Id, address.Value), cancellationToken);
                result = new AdminActionResult(true, $"{found.Name}的邮箱已添加：{address.Masked()}。");
            }
        }

        await audit.RecordAsync(who, "set-department-email", department, result.Message, cancellationToken);
        return result;
    }

    /// <summary>Merges a directory in the import format (`gazette departments export`), or replaces the directory with it.</summary>
    public async Task<AdminActionResult> ImportDepartmentsAsync(string json, bool replace, string who, CancellationToken cancellationToken = default)
    {
        AdminActionResult result;
        try
        {
            var imported = DepartmentDirectory.FromJson(json);
            if (imported.Departments.SelectMany(d => d.Emails).FirstOrDefault(e => !EmailAddress.TryParse(e, out _)) is { } bad)
            {
                result = new AdminActionResult(false, $"不是有效的电子邮箱地址：{bad}；未导入任何内容。");
            }
            else
            {
                var store = departments;
                var directory = replace ? imported : (await store.LoadAsync(cancellationToken)).Merge(imported);
                await store.SaveAsync(directory, cancellationToken);
                result = new AdminActionResult(true, $"已导入 {imported.Departments.Count} 个单位，通讯录现有 {directory.Departments.Count} 个单位。");
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidDataException or FormatException)
        {
            result = new AdminActionResult(false, $"无法读取导入内容（{e.Message}）；未导入任何内容。");
        }

        await audit.RecordAsync(who, replace ? "replace-departments" : "import-departments", $"{json.Length} 字符", result.Message, cancellationToken);
        return result;
    }

    /// <summary>
    /// Puts a poisoned batch back on the email-batches queue, once: the row is marked (ETag) before the message goes,
    /// so a second press — or two admins at once — queues nothing more. The ledger sends nobody twice either way.
    /// </summary>
    public async Task<AdminActionResult> RetryPoisonedBatchAsync(string id, string who, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = storage.Table(storage.Names.PoisonedBatchesTable);
        var found = await table.GetEntityIfExistsAsync<PoisonedBatchRow>(PoisonedBatches.Partition, id, cancellationToken: cancellationToken);
        AdminActionResult result;
        if (!found.HasValue) result = new AdminActionResult(false, $"没有编号为 {id} 的无法投递批次。");
        else if (found.Value!.RetriedAt is { } at) result = new AdminActionResult(false, $"该批次已于 {Time.ChinaTime.Minute(at)} 重新排队，未再排队。");
        else if (found.Value.Message is not { Length: > 0 } message) result = new AdminActionResult(false, "该批次没有可重新排队的消息。");
        else
        {
            var row = found.Value;
            row.RetriedAt = clock.GetUtcNow();
            row.RetriedBy = who;
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                await storage.Queue(storage.Names.EmailBatches).SendMessageAsync(message, cancellationToken);
                result = new AdminActionResult(true, $"批次 {row.Run} 已重新排队；已发送过的收件人不会再收到。");
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                result = new AdminActionResult(false, "该批次刚被他人重新排队，未再排队。");
            }
        }

        await audit.RecordAsync(who, "retry-poisoned-batch", id, result.Message, cancellationToken);
        return result;
    }

    public async Task<AdminActionResult> ReingestAsync(string blobName, string who, CancellationToken cancellationToken = default)
    {
        var outcome = await ingest.ReingestAsync(blobName, cancellationToken);
        var result = outcome.Status switch
        {
            IngestStatus.Missing => new AdminActionResult(false, $"{blobName} 已不在 gazette-issues 中。"),
            IngestStatus.InProgress => new AdminActionResult(false, $"{blobName} 正在入库，请稍后再试。"),
            IngestStatus.Rejected => new AdminActionResult(true, $"{blobName} 重新读取后仍被拒收：{outcome.Reason}"),
            _ => new AdminActionResult(true, $"{blobName} 已重新入库为 {outcome.IssueKey}：{outcome.Documents} 份文件，{outcome.Tasks} 项任务，{outcome.Deadlines} 个时限。"),
        };
        await audit.RecordAsync(who, "reingest", blobName, result.Message, cancellationToken);
        return result;
    }
}

/// <summary>What an action did, in the words the admin reads; Changed is false when there was nothing (more) to do.</summary>
public sealed record AdminActionResult(bool Changed, string Message);
