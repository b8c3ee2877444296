using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Admin;
using GazetteNotify.Alerts;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Formats;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Storage;

/// <summary>
/// Rows were plain TableEntity with string statuses before they had types: for every table and row kind, a row written
/// that way (the literal below is what the code wrote) reads back typed with the same values, and the typed row — or
/// the store's own code path — stores exactly the same columns (names, Edm types, values), singly and in a transaction.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StoredRowsTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 15, 30, 123, TimeSpan.FromHours(8));

    [Fact]
    public async Task Issues_rows_of_both_kinds_read_back_typed_and_store_alike()
    {
        var ingested = await StoredAlikeAsync(_storage.Names.IssuesTable, new TableEntity("issues", "")
        {
            ["Status"] = "ingested", ["Title"] = "聊城市人民政府公报", ["Year"] = 2022, ["IssueNumbers"] = "10,11", ["CumulativeNumbers"] = "180",
            ["ContentSha256"] = new string('a', 64), ["BlobName"] = "liaocheng-2022-10.txt", ["Encoding"] = "GB18030", ["Reader"] = "Pdf",
            ["Documents"] = 7, ["Tasks"] = 29, ["Deadlines"] = 12, ["WarningCount"] = 1, ["Warnings"] = "[\"目录第3页无法定位\"]", ["WarningsBlob"] = null,
            ["Reason"] = null, ["IngestedAt"] = At, ["ReplacedVersion"] = "2022-10/replaced/bbbb.json", ["Lost"] = "1 document",
        }, new IssueRow
        {
            Status = IssueStatus.Ingested, Title = "聊城市人民政府公报", Year = 2022, IssueNumbers = "10,11", CumulativeNumbers = "180",
            ContentSha256 = new string('a', 64), BlobName = "liaocheng-2022-10.txt", Encoding = "GB18030", Reader = UploadFormat.Pdf,
            Documents = 7, Tasks = 29, Deadlines = 12, WarningCount = 1, WarningsJson = "[\"目录第3页无法定位\"]", IngestedAt = At,
            ReplacedVersion = "2022-10/replaced/bbbb.json", Lost = "1 document",
        });
        Assert.Equal((IssueStatus.Ingested, 2022, UploadFormat.Pdf, 29, At), (ingested.Status, ingested.Year, ingested.Reader, ingested.Tasks, ingested.IngestedAt));
        Assert.Equal(["目录第3页无法定位"], ingested.Warnings);

        var rejected = await StoredAlikeAsync(_storage.Names.IssuesTable, new TableEntity("issues", "")
        {
            ["Status"] = "rejected", ["Reason"] = "not a gazette", ["ContentSha256"] = new string('b', 64), ["BlobName"] = "x.pdf", ["Reader"] = "Text",
            ["QuarantineBlob"] = "bbbbbbbbbbbbbbbb/x.pdf", ["Documents"] = 0, ["Tasks"] = 0, ["Deadlines"] = 0, ["WarningCount"] = 0, ["IngestedAt"] = At,
        }, IssueRows.Rejection("", new Upload("x.pdf", new string('b', 64), "none"), "not a gazette", "bbbbbbbbbbbbbbbb/x.pdf", At));
        Assert.Equal((IssueStatus.Rejected, "not a gazette", 0, (string?)null), (rejected.Status, rejected.Reason, rejected.Documents, rejected.Title));
    }

    [Fact]
    public async Task Documents_rows_read_back_typed_and_store_alike()
    {
        var row = await StoredAlikeAsync(_storage.Names.DocumentsTable, new TableEntity("2022-06", "")
        {
            ["DocNumber"] = "聊政办字〔2022〕22号", ["Title"] = "关于印发通知", ["Issuer"] = "市政府办公室", ["SignedDate"] = "2022-06-10", ["Section"] = "市政府办公室文件",
            ["TocPage"] = 12, ["Kind"] = "通知", ["AttachmentTitle"] = null, ["Topics"] = "[\"finance\"]", ["Summary"] = "摘要", ["EffectiveFrom"] = "2022-07-01",
            ["EffectiveUntil"] = null, ["Repeals"] = "[]", ["References"] = "[\"聊政发〔2021〕1号\"]", ["TaskCount"] = 3, ["DeadlineCount"] = 2,
        }, new DocumentRow
        {
            DocNumber = "聊政办字〔2022〕22号", Title = "关于印发通知", Issuer = "市政府办公室", SignedDate = new DateOnly(2022, 6, 10), Section = "市政府办公室文件",
            TocPage = 12, Kind = "通知", Topics = ["finance"], Summary = "摘要", EffectiveFrom = new DateOnly(2022, 7, 1), Repeals = [],
            References = ["聊政发〔2021〕1号"], TaskCount = 3, DeadlineCount = 2,
        });
        var document = row.ToDocument();
        Assert.Equal((new DateOnly(2022, 6, 10), 12, "关于印发通知"), (document.SignedDate, document.TocPage, document.Title));
        Assert.Equal(["finance"], document.Topics);
        Assert.Empty(document.Repeals);
        Assert.Equal(["聊政发〔2021〕1号"], document.References);
    }

    [Fact]
    public async Task Tasks_rows_read_back_typed_with_their_state_and_store_alike()
    {
        var row = await StoredAlikeAsync(_storage.Names.TasksTable, new TableEntity("2022-06", "")
        {
            ["DocNumber"] = "聊政发〔2022〕6号", ["Item"] = "2", ["Lead"] = "[\"市财政局\",\"市税务局\"]", ["Support"] = "[]", ["Deadlines"] = "[\"6月底前\",\"长期坚持\"]",
            ["Excerpt"] = "6月底前完成", ["State"] = "acknowledged", ["StateBy"] = "finance", ["StateAt"] = At, ["Note"] = "已收到",
        }, new TaskRow
        {
            DocNumber = "聊政发〔2022〕6号", Item = "2", Lead = ["市财政局", "市税务局"], Support = [], Deadlines = ["6月底前", "长期坚持"], Excerpt = "6月底前完成",
            State = TaskState.Acknowledged, StateBy = "finance", StateAt = At, Note = "已收到",
        });
        Assert.Equal((TaskState.Acknowledged, "finance", At), (row.State, row.StateBy, row.StateAt));
        Assert.Equal(["市财政局", "市税务局"], row.Lead);
        foreach (var (stored, state) in new[] { ("open", TaskState.Open), ("done", TaskState.Done), ("acknowledged", TaskState.Acknowledged) })
        {
            Assert.Equal(state, new TaskRow { StateName = stored }.State);
            Assert.Equal(stored, new TaskRow { State = state }.StateName);
        }
    }

    [Fact]
    public async Task Deadlines_rows_dated_undated_and_decided_read_back_typed_and_store_alike()
    {
        var dated = await StoredAlikeAsync(_storage.Names.DeadlinesTable, new TableEntity("2022", "")
        {
            ["IssueKey"] = "2022-06", ["DocOrdinal"] = "01", ["TaskOrdinal"] = "002", ["DocNumber"] = "聊政发〔2022〕6号", ["Title"] = "措施", ["Item"] = "2",
            ["Excerpt"] = "6月底前完成", ["Lead"] = "[\"市财政局\"]", ["Support"] = "[\"市税务局\"]", ["Phrase"] = "6月底前", ["Kind"] = "deadline",
            ["Date"] = "2022-06-30", ["Suggested"] = null, ["Basis"] = "end of month", ["Review"] = null, ["SignedDate"] = "2022-06-10", ["ValidUntil"] = "2023-12-31",
        }, new DeadlineRow
        {
            IssueKey = "2022-06", DocOrdinal = "01", TaskOrdinal = "002", DocNumber = "聊政发〔2022〕6号", Title = "措施", Item = "2", Excerpt = "6月底前完成",
            Lead = ["市财政局"], Support = ["市税务局"], Phrase = "6月底前", Kind = DeadlineKind.Deadline, Date = new DateOnly(2022, 6, 30), Basis = "end of month",
            SignedDate = new DateOnly(2022, 6, 10), ValidUntil = new DateOnly(2023, 12, 31),
        });
        Assert.Equal((DeadlineKind.Deadline, new DateOnly(2022, 6, 30), new DateOnly(2023, 12, 31)), (dated.Kind, dated.Date, dated.ValidUntil));
        Assert.True(dated.Names("市税务局"));

        var decided = await StoredAlikeAsync(_storage.Names.DeadlinesTable, new TableEntity("undated", "")
        {
            ["IssueKey"] = "2022-06", ["Phrase"] = "3个工作日内", ["Kind"] = "relative", ["Date"] = null, ["Suggested"] = "2022-06-15",
            ["Review"] = "counted from an event", ["Dismissed"] = true, ["DismissNote"] = "程序性规定",
        }, new DeadlineRow
        {
            IssueKey = "2022-06", Phrase = "3个工作日内", Kind = DeadlineKind.Relative, Suggested = new DateOnly(2022, 6, 15), Review = "counted from an event",
            Dismissed = true, DismissNote = "程序性规定",
        });
        Assert.Equal((DeadlineKind.Relative, (DateOnly?)null, new DateOnly(2022, 6, 15), true), (decided.Kind, decided.Date, decided.Suggested, decided.Dismissed));

        // Rows the admin settled before the flag existed say so only in their basis.
        Assert.True(new DeadlineRow { Basis = "set by the admin: 确认" }.IsSettled);
        Assert.True(new DeadlineRow { Settled = true }.IsSettled);
        Assert.False(new DeadlineRow { Basis = "end of month" }.IsSettled);
    }

    [Fact]
    public async Task Receipts_claims_and_outcomes_read_back_typed_and_store_alike()
    {
        var claim = await StoredAlikeAsync(_storage.Names.ReceiptsTable, new TableEntity("receipts", "") { ["Status"] = "ingesting", ["BlobName"] = "a.txt", ["ClaimedAt"] = At },
            new ReceiptRow { Status = ReceiptStatus.Ingesting, BlobName = "a.txt", ClaimedAt = At });
        Assert.Equal((ReceiptStatus.Ingesting, At), (claim.Status, claim.ClaimedAt));

        var done = await StoredAlikeAsync(_storage.Names.ReceiptsTable, new TableEntity("receipts", "")
        {
            ["Status"] = "done", ["BlobName"] = "a.txt", ["IssueKey"] = "rejected-aaaa", ["Outcome"] = "Rejected", ["Reason"] = "empty", ["CompletedAt"] = At,
        }, new ReceiptRow { Status = ReceiptStatus.Done, BlobName = "a.txt", IssueKey = "rejected-aaaa", Outcome = IngestStatus.Rejected, Reason = "empty", CompletedAt = At });
        Assert.Equal((ReceiptStatus.Done, IngestStatus.Rejected, (DateTimeOffset?)null), (done.Status, done.Outcome, done.ClaimedAt));
    }

    [Fact]
    public async Task Subscribers_rows_read_back_as_the_same_subscription_and_store_alike()
    {
        var email = EmailAddress.Parse("reader@example.com");
        var subscription = new Subscription(email, SubscriptionStatus.Active,
            new Preferences(["finance"], ["减税"], ["市财政局"], ["聊政办字"], DigestFrequency.Weekly) { Follows = ["聊政发〔2022〕6号"] }, At, At.AddMinutes(3))
        {
            DigestedThrough = At.AddDays(1),
        };
        var row = await StoredAlikeAsync(_storage.Names.SubscribersTable, new TableEntity("", "")
        {
            ["Status"] = "Active", ["Topics"] = "[\"finance\"]", ["Keywords"] = "[\"减税\"]", ["Issuers"] = "[\"市财政局\"]", ["DocNumberPrefixes"] = "[\"聊政办字\"]",
            ["Follows"] = "[\"聊政发〔2022〕6号\"]", ["Frequency"] = "Weekly", ["CreatedAt"] = At, ["ConfirmedAt"] = At.AddMinutes(3), ["UnsubscribedAt"] = null,
            ["ConfirmationSentAt"] = null, ["DigestedThrough"] = At.AddDays(1), ["LastDigestAt"] = null,
        }, SubscriberRow.From(subscription), rowKey: email.Value);
        var read = row.ToSubscription();
        Assert.Equal((subscription.Email, subscription.Status, subscription.CreatedAt, subscription.ConfirmedAt, subscription.DigestedThrough),
            (read.Email, read.Status, read.CreatedAt, read.ConfirmedAt, read.DigestedThrough));
        Assert.Equal(["finance"], read.Preferences.Topics);
        Assert.Equal(["减税"], read.Preferences.Keywords);
        Assert.Equal(["市财政局"], read.Preferences.Issuers);
        Assert.Equal(["聊政办字"], read.Preferences.DocNumberPrefixes);
        Assert.Equal(["聊政发〔2022〕6号"], read.Preferences.Follows);
        Assert.Equal(DigestFrequency.Weekly, read.Preferences.Frequency);
    }

    [Fact]
    public async Task Delivery_rows_claimed_and_completed_by_the_ledger_store_what_the_strings_did_and_read_back_typed()
    {
        var table = _storage.Table(_storage.Names.DeliveriesTable);
        await _storage.EnsureCreatedAsync();
        var now = _clock.GetUtcNow();
        // As the ledger wrote it: the claim, then the outcome merged onto it.
        await table.AddEntityAsync(new TableEntity("run-old", "k1") { ["Status"] = "sending", ["Attempts"] = 1, ["StartedAt"] = now });
        await table.UpsertEntityAsync(new TableEntity("run-old", "k1") { ["Status"] = "failed", ["MessageId"] = null, ["Error"] = "SMTP 550", ["CompletedAt"] = now }, TableUpdateMode.Merge);

        var ledger = new DeliveryLedger(_storage, _clock);
        Assert.Equal(DeliveryClaim.Go, await ledger.ClaimAsync("run-new", "k1", default));
        await ledger.CompleteAsync("run-new", "k1", new MailSendResult(false, null, "SMTP 550", false), default);
        Assert.Equal(await ColumnsAsync(table, "run-old", "k1"), await ColumnsAsync(table, "run-new", "k1"));

        // A retry claims the failed row again and records it sent: the same on both.
        await table.UpdateEntityAsync(new TableEntity("run-old", "k1") { ["Status"] = "sending", ["Attempts"] = 2, ["StartedAt"] = now }, Azure.ETag.All, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("run-old", "k1") { ["Status"] = "sent", ["MessageId"] = "m-1", ["Error"] = null, ["CompletedAt"] = now }, TableUpdateMode.Merge);
        Assert.Equal(DeliveryClaim.Go, await ledger.ClaimAsync("run-new", "k1", default));
        await ledger.CompleteAsync("run-new", "k1", new MailSendResult(true, "m-1", null, false), default);
        Assert.Equal(await ColumnsAsync(table, "run-old", "k1"), await ColumnsAsync(table, "run-new", "k1"));

        var row = Assert.Single(await ledger.ListAsync("run-old"));
        Assert.Equal((DeliveryStatus.Sent, "sent", 2, "m-1"), (row.Status, row.StatusName, row.Attempts, row.MessageId));
        Assert.Equal(DeliveryClaim.Done, await ledger.ClaimAsync("run-old", "k1", default)); // a row the strings wrote counts as sent
        foreach (var (stored, status) in new[] { ("sending", DeliveryStatus.Sending), ("sent", DeliveryStatus.Sent), ("uncertain", DeliveryStatus.Uncertain), ("failed", DeliveryStatus.Failed) })
        {
            Assert.Equal(status, new DeliveryRow { StatusName = stored }.Status);
            Assert.Equal(stored, new DeliveryRow { Status = status }.StatusName);
        }
    }

    [Fact]
    public async Task A_departments_day_and_what_it_reminded_store_what_the_strings_did_and_read_back_typed()
    {
        var table = _storage.Table(_storage.Names.DeliveriesTable);
        await _storage.EnsureCreatedAsync();
        var day = new DateOnly(2026, 3, 2);
        var now = _clock.GetUtcNow();
        var finance = new Department("finance", "市财政局", [], ["caizheng@example.gov.cn"]);
        var item = new ReminderItem(new ReminderTask("2022-06|01|002|1", "2022-06|01|002", null, "措施", "2", null, ["市财政局"], [], "3月底前", DeadlineKind.Deadline,
            new DateOnly(2026, 3, 31), "", TaskState.Open), TaskRole.Lead, new DateOnly(2026, 3, 31), "7", 29);

        // As the ledger wrote them, in another department's rows: the day's claim, the milestone told, the day closed.
        var old = new Department("old", "旧", [], []);
        await table.AddEntityAsync(new TableEntity(ReminderLedger.Run(day), "dept-old") { ["Status"] = "planned", ["At"] = now });
        await table.UpsertEntityAsync(new TableEntity(ReminderLedger.Partition(2026), "2026-03-31|" + item.LedgerKey(old)) { ["Run"] = ReminderLedger.Run(day) }, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity(ReminderLedger.Run(day), "dept-old") { ["Status"] = "done", ["Items"] = 1, ["CompletedAt"] = now }, TableUpdateMode.Merge);

        var ledger = new ReminderLedger(_storage, _clock);
        Assert.True(await ledger.ClaimDayAsync(day, finance));
        await ledger.CompleteDayAsync(day, new DepartmentReminder(finance, [item]), DepartmentDayStatus.Done);

        Assert.Equal(await ColumnsAsync(table, ReminderLedger.Run(day), "dept-old"), await ColumnsAsync(table, ReminderLedger.Run(day), "dept-finance"));
        Assert.Equal(await ColumnsAsync(table, ReminderLedger.Partition(2026), "2026-03-31|" + item.LedgerKey(old)),
            await ColumnsAsync(table, ReminderLedger.Partition(2026), "2026-03-31|" + item.LedgerKey(finance)));
        var closed = (await table.GetEntityAsync<DepartmentDayRow>(ReminderLedger.Run(day), "dept-old")).Value;
        Assert.Equal((DepartmentDayStatus.Done, 1, now), (closed.Status, closed.Items, closed.At));
        Assert.False(await ledger.ClaimDayAsync(day, old)); // the string-written day counts as done
        Assert.Contains(item.LedgerKey(old), await ledger.RemindedAsync(day, new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public async Task Suppressions_job_state_and_audit_rows_read_back_typed_and_store_alike()
    {
        var suppressed = await StoredAlikeAsync(_storage.Names.SuppressionsTable, new TableEntity("ab", "") { ["Reason"] = "spamreport", ["EventTime"] = At },
            new SuppressionRow { Reason = "spamreport", EventTime = At });
        Assert.Equal(("spamreport", At), (suppressed.Reason, suppressed.EventTime));

        var mark = await StoredAlikeAsync(_storage.Names.JobStateTable, new TableEntity("watermarks", "") { ["LastIngestedAt"] = At }, new WatermarkRow { LastIngestedAt = At });
        Assert.Equal(At, mark.LastIngestedAt);
        var claim = await StoredAlikeAsync(_storage.Names.JobStateTable, new TableEntity("timer-alerts", "") { ["ClaimedAt"] = At, ["Runner"] = "r1" },
            new TimerClaimRow { ClaimedAt = At, Runner = "r1" });
        Assert.Equal((At, "r1"), (claim.ClaimedAt, claim.Runner));

        var action = await StoredAlikeAsync(_storage.Names.AdminActionsTable, new TableEntity("2026-03", "")
        {
            ["At"] = At, ["Who"] = "key:abcd", ["Action"] = "reingest", ["Target"] = "a.txt", ["Outcome"] = "已重新入库",
        }, new AdminActionRow { At = At, Who = "key:abcd", Action = "reingest", Target = "a.txt", Outcome = "已重新入库" });
        Assert.Equal(("key:abcd", "reingest", "已重新入库"), (action.Who, action.Action, action.Outcome));
    }

    [Fact]
    public async Task Directory_rows_of_every_kind_read_back_typed_and_store_alike()
    {
        var department = await StoredAlikeAsync(_storage.Names.DepartmentsTable,
            new TableEntity("departments", "") { ["Name"] = "市财政局", ["Aliases"] = "[\"财政局\"]", ["Emails"] = "[\"caizheng@example.gov.cn\"]" },
            new DirectoryRow { Name = "市财政局", Aliases = ["财政局"], Emails = ["caizheng@example.gov.cn"] });
        Assert.Equal("市财政局", department.Name);
        Assert.Equal(["财政局"], department.Aliases);
        Assert.Equal(["caizheng@example.gov.cn"], department.Emails);
        var group = await StoredAlikeAsync(_storage.Names.DepartmentsTable,
            new TableEntity("groups", "") { ["Name"] = "各县（市、区）人民政府", ["Aliases"] = "[]", ["Members"] = "[\"d1\",\"d2\"]" },
            new DirectoryRow { Name = "各县（市、区）人民政府", Aliases = [], Members = ["d1", "d2"] });
        Assert.Equal(["d1", "d2"], group.Members);
        var collective = await StoredAlikeAsync(_storage.Names.DepartmentsTable, new TableEntity("not-recipients", "") { ["Name"] = "市政府有关部门" },
            new DirectoryRow { Name = "市政府有关部门" });
        Assert.Equal(("市政府有关部门", 0), (collective.Name, collective.Emails.Count));
    }

    [Fact]
    public async Task Poisoned_batch_rows_read_back_typed_and_store_alike()
    {
        var row = await StoredAlikeAsync(_storage.Names.PoisonedBatchesTable, new TableEntity("poisoned", "")
        {
            ["RecordedAt"] = At, ["DequeueCount"] = 5L, ["Message"] = "{\"blob\":\"x\"}", ["Run"] = "alerts-1", ["Subject"] = "2 份新文件", ["Recipients"] = 3,
            ["Sent"] = 1, ["Failed"] = 2, ["Error"] = "SMTP 550", ["RetriedAt"] = At, ["RetriedBy"] = "cli:admin",
        }, new PoisonedBatchRow
        {
            RecordedAt = At, DequeueCount = 5, Message = "{\"blob\":\"x\"}", Run = "alerts-1", Subject = "2 份新文件", Recipients = 3, Sent = 1, Failed = 2,
            Error = "SMTP 550", RetriedAt = At, RetriedBy = "cli:admin",
        });
        Assert.Equal((5L, 3, 2, At), (row.DequeueCount, row.Recipients, row.Failed, row.RetriedAt));
    }

    [Fact]
    public void A_stored_word_maps_to_its_member_whatever_its_case_and_nothing_else_does()
    {
        Assert.Equal(IssueStatus.Ingested, StoredName.Parse<IssueStatus>("ingested"));
        Assert.Equal(IssueStatus.Rejected, StoredName.Parse<IssueStatus>("Rejected"));
        Assert.Null(StoredName.Parse<IssueStatus>("ingesting"));
        Assert.Null(StoredName.Parse<IssueStatus>("0")); // a number is no stored word
        Assert.Null(StoredName.Parse<IssueStatus>(null));
        Assert.Equal("uncertain", StoredName.Of(DeliveryStatus.Uncertain));
        Assert.Equal("\"rejected\"", System.Text.Json.JsonSerializer.Serialize(IssueStatus.Rejected));
    }

    /// <summary>
    /// Writes the string-built row and the typed one (singly and in a transaction) to the same partition, asserts all
    /// three hold the same columns, and returns the string-built row read typed.
    /// </summary>
    private async Task<TRow> StoredAlikeAsync<TRow>(string tableName, TableEntity old, TRow typed, string? rowKey = null) where TRow : TableRow
    {
        await _storage.EnsureCreatedAsync();
        var table = _storage.Table(tableName);
        var partition = old.PartitionKey.Length > 0 ? old.PartitionKey : "compat";
        var key = rowKey ?? "k-" + Guid.NewGuid().ToString("N")[..8];
        (old.PartitionKey, old.RowKey) = (partition, key + "-old");
        await table.UpsertEntityAsync(old, TableUpdateMode.Replace);
        (typed.PartitionKey, typed.RowKey) = (partition, key + "-single");
        await table.UpsertEntityAsync(typed, TableUpdateMode.Replace);
        typed.RowKey = key + "-batch";
        await TableBatches.SubmitAsync(table, [typed], TableTransactionActionType.UpsertReplace, default);

        var expected = await ColumnsAsync(table, partition, key + "-old");
        Assert.Equal(expected, await ColumnsAsync(table, partition, key + "-single"));
        Assert.Equal(expected, await ColumnsAsync(table, partition, key + "-batch"));
        if (rowKey is not null)
        {
            // Rows whose key carries meaning (a subscriber's address) are read under it.
            await table.DeleteEntityAsync(partition, key + "-old");
            (old.PartitionKey, old.RowKey) = (partition, rowKey);
            await table.UpsertEntityAsync(old, TableUpdateMode.Replace);
            return (await table.GetEntityAsync<TRow>(partition, rowKey)).Value;
        }

        return (await table.GetEntityAsync<TRow>(partition, key + "-old")).Value;
    }

    /// <summary>A stored row's columns as name, Edm-level type and value, in name order (keys and service fields left out).</summary>
    private static async Task<List<string>> ColumnsAsync(TableClient table, string partition, string rowKey)
    {
        var row = (await table.GetEntityAsync<TableEntity>(partition, rowKey)).Value;
        return row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value?.GetType().Name}:{(p.Value is DateTimeOffset d ? d.UtcDateTime.ToString("o", CultureInfo.InvariantCulture) : Convert.ToString(p.Value, CultureInfo.InvariantCulture))}")
            .ToList();
    }
}
