using Azure.Data.Tables;
using GazetteNotify.Admin;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Admin;

/// <summary>The admin actions on Azurite: each does its work once, says so when pressed again, and is recorded; the CLI does the same.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AdminActionsTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 20, 0, 0, 0, TimeSpan.Zero));

    private AdminActions Actions => Jobs.AdminActions(_storage, _clock);

    private (int Code, string Out, string Err) Gazette(params string[] args) => CliHarness.Run(_storage, null, args);

    [Fact]
    public async Task A_settled_limit_survives_a_reingest_and_a_second_settle_changes_nothing()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var review = await Jobs.Deadlines(_storage).ReviewListAsync();
        var first = review[0].RowKey[(DeadlinePartition.Undated.Length + 1)..];
        var second = review[1].RowKey[(DeadlinePartition.Undated.Length + 1)..];

        Assert.True((await Actions.SettleReviewAsync(first, new DateOnly(2022, 7, 15), "确认", "tester")).Changed);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Actions.SettleReviewAsync(second, null, null, "tester")).Changed);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await Actions.SettleReviewAsync(first, new DateOnly(2022, 8, 1), null, "tester")).Changed); // already settled
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Parsing the issue again brings the undated limits back — but not the two the admin decided.
        var again = await Actions.ReingestAsync(Samples.Issue2022_06, "tester");
        Assert.Contains("已重新入库为 2022-06", again.Message);
        var after = (await Jobs.Deadlines(_storage).ReviewListAsync()).Where(r => r.Dismissed != true).Select(r => r.RowKey).ToList();
        Assert.Equal(review.Count - 2, after.Count);
        Assert.True((await _storage.Table(_storage.Names.DeadlinesTable).GetEntityIfExistsAsync<TableEntity>("2022", "2022-07-15|" + first)).HasValue);

        var record = await new AdminAudit(_storage, _clock).RecentAsync(10);
        Assert.Equal(["reingest", "settle-review", "dismiss-review", "settle-review"], record.Select(a => a.Action)); // newest first
        Assert.All(record, a => Assert.Equal("tester", a.Who));
    }

    [Fact]
    public async Task A_rejected_upload_reingested_is_refused_again_with_its_reason_and_a_missing_one_is_named()
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Issues.GetBlobClient("empty.txt").UploadAsync(new BinaryData(Array.Empty<byte>()));
        await new IngestIssue(_storage, _clock).RunAsync("empty.txt");

        var again = await Actions.ReingestAsync("empty.txt", "tester");
        Assert.Contains("重新读取后仍被拒收", again.Message);
        Assert.Contains("empty", again.Message);
        Assert.False((await Actions.ReingestAsync("gone.txt", "tester")).Changed);
    }

    [Fact]
    public async Task Addresses_and_imports_check_what_they_are_given_and_change_nothing_on_a_bad_one()
    {
        await _storage.EnsureCreatedAsync();
        Assert.True((await Actions.SetDepartmentEmailAsync("市财政局", "caizheng@lc.example.gov.cn", "tester")).Changed);
        Assert.False((await Actions.SetDepartmentEmailAsync("finance", "CaiZheng@lc.example.gov.cn", "tester")).Changed); // the same address
        Assert.False((await Actions.SetDepartmentEmailAsync("市宇宙开发局", "a@example.com", "tester")).Changed);
        Assert.False((await Actions.SetDepartmentEmailAsync("finance", "not-an-address", "tester")).Changed);

        var before = (await new DepartmentStore(_storage).LoadAsync()).ToJson();
        Assert.False((await Actions.ImportDepartmentsAsync("{ not json", false, "tester")).Changed);
        Assert.False((await Actions.ImportDepartmentsAsync("""{"departments":[{"id":"finance","name":"市财政局","aliases":[],"emails":["bad@"]}]}""", false, "tester")).Changed);
        Assert.Equal(before, (await new DepartmentStore(_storage).LoadAsync()).ToJson());
        Assert.Equal(["caizheng@lc.example.gov.cn"], (await new DepartmentStore(_storage).LoadAsync()).Find("finance")!.Emails);
    }

    [Fact]
    public async Task The_cli_lists_missing_addresses_and_poisoned_batches_retries_once_and_reingests()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var missing = Gazette("departments", "missing");
        Assert.Equal(0, missing.Code);
        Assert.Contains("finance", missing.Out);
        Assert.Contains("78 departments have no address", missing.Out);

        var batches = new EmailBatches(_storage);
        await batches.EnqueueAsync(new EmailBatch("run-3", "主题", "<p>x</p>", "x", new Dictionary<string, string>(), [new BatchRecipient("a@example.com", "k", "run-3-k", new RecipientLinks("", "", ""))]));
        var queue = _storage.Queue(_storage.Names.EmailBatches);
        var message = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        await new PoisonedBatches(_storage, batches, new DeliveryLedger(_storage, _clock), _clock).RecordAsync(message.MessageText, "p-1", 5);

        Assert.Contains("p-1", Gazette("batches", "list").Out);
        Assert.Equal(0, Gazette("batches", "retry", "p-1").Code);
        var twice = Gazette("batches", "retry", "p-1");
        Assert.Equal(1, twice.Code);
        Assert.Contains("未再排队", twice.Err);
        Assert.Single((await queue.PeekMessagesAsync(10)).Value);
        Assert.Contains("retried", Gazette("batches", "list").Out);

        var reingest = Gazette("reingest", Samples.Issue2022_06);
        Assert.Equal(0, reingest.Code);
        Assert.Contains("已重新入库为 2022-06", reingest.Out);
        Assert.Contains(await new AdminAudit(_storage, TimeProvider.System).RecentAsync(10), a => a.Action == "reingest" && a.Who.StartsWith("gazette 命令行", StringComparison.Ordinal));
    }
}
