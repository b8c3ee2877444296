using System.Text;
using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Queries;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Ingestion;

/// <summary>Ingestion against a real Azurite: rows, blobs, idempotency, replacement, races and rejections.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class IngestIssueTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero));

    private IngestIssue Job() => new(_storage, _clock);

    private async Task<IngestOutcome> UploadAndIngest(string name, byte[] bytes)
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Issues.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        return await Job().RunAsync(name);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_sample_is_ingested_with_its_rows_and_blobs(string sample)
    {
        var parsed = Samples.Issue(sample);
        var outcome = await UploadAndIngest(sample, Samples.Bytes(sample));

        var key = IssueKey.From(parsed.Gazette)!;
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal(key, outcome.IssueKey);
        var issueRow = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<TableEntity>("issues", key)).Value;
        Assert.Equal("ingested", issueRow.GetString("Status"));
        Assert.Equal(parsed.Documents.Count, issueRow.GetInt32("Documents"));
        Assert.Equal(parsed.Documents.Sum(d => d.Tasks.Count), issueRow.GetInt32("Tasks"));

        Assert.Equal(parsed.Documents.Count, await CountAsync(_storage.Names.DocumentsTable, TableClient.CreateQueryFilter($"PartitionKey eq {key}")));
        Assert.Equal(parsed.Documents.Sum(d => d.Tasks.Count), await CountAsync(_storage.Names.TasksTable, TableClient.CreateQueryFilter($"PartitionKey eq {key}")));
        Assert.Equal(parsed.Documents.Sum(d => d.Tasks.Sum(t => t.Deadlines.Count)), await CountAsync(_storage.Names.DeadlinesTable, TableClient.CreateQueryFilter($"IssueKey eq {key}")));

        var json = (await _storage.Parsed.GetBlobClient($"{key}/issue.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(GazetteJson.Serialize(TopicClassifier.Default.ClassifyAll(parsed, Samples.Parse(sample).DocumentTexts)), json);
        Assert.Contains("\"topics\": [\n", json); // every sample document has at least one topic
        var text = (await _storage.Parsed.GetBlobClient($"{key}/text.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains(parsed.Documents[0].Title, text);
    }

    public static TheoryData<string> SampleNames() => new(Samples.All);

    [Fact]
    public async Task Deadlines_are_queried_by_date_range_and_unit()
    {
        await UploadAndIngest(Samples.Issue2022_06, Samples.Bytes(Samples.Issue2022_06));
        var queries = new IssueQueries(_storage);

        var summer = await queries.DeadlinesAsync(new DateOnly(2022, 6, 1), new DateOnly(2022, 8, 31), unit: null);
        Assert.Contains(summer, d => d.DateText == "2022-06-30" && d.Phrase == "6月底前" && d.Item == "2");
        Assert.Contains(summer, d => d.DateText == "2022-08-31" && d.Phrase == "8月底前");
        Assert.All(summer, d => Assert.InRange(string.CompareOrdinal(d.DateText, "2022-06-01"), 0, int.MaxValue));
        Assert.DoesNotContain(summer, d => d.DateText == "2022-12-31");

        var finance = await queries.DeadlinesAsync(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), unit: "市财政局");
        Assert.NotEmpty(finance);
        Assert.All(finance, d => Assert.True(d.Names("市财政局")));
        Assert.Contains(finance, d => d.DateText == "2023-12-31" && d.Item == "4"); // 2023年底前补缴, measure 4
        var grid = await queries.DeadlinesAsync(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), unit: "国网聊城供电公司");
        Assert.All(grid, d => Assert.Equal("15", d.Item));
    }

    [Fact]
    public async Task The_same_bytes_again_under_another_name_change_nothing()
    {
        var bytes = Samples.Bytes(Samples.Issue2019_08);
        await UploadAndIngest("first.txt", bytes);
        var before = await SnapshotAsync();

        var again = await UploadAndIngest("copy-of-issue.md", bytes);

        Assert.Equal(IngestStatus.Unchanged, again.Status);
        Assert.Equal("2019-08", again.IssueKey);
        Assert.Equal(before, await SnapshotAsync()); // same rows, same ETags
    }

    [Fact]
    public async Task New_bytes_for_the_same_issue_replace_its_rows_without_orphans()
    {
        var original = Samples.Text(Samples.Issue2022_06);
        await UploadAndIngest("2022-06.txt", Encoding.UTF8.GetBytes(original));
        var edited = original
            .Replace("（责任单位：市财政局、市税务局）", "", StringComparison.Ordinal)            // measure 1 loses its clause
            .Replace("◎政务动态\n\n聊城市人民政府大事记(2022年6月) 20\n", "", StringComparison.Ordinal); // the chronicle leaves the TOC
        var edit = GazetteParser.Parse(Encoding.UTF8.GetBytes(edited)).Issue!;

        var outcome = await UploadAndIngest("2022-06-corrected.txt", Encoding.UTF8.GetBytes(edited));

        Assert.Equal(IngestStatus.Replaced, outcome.Status);
        var documents = await KeysAsync(_storage.Names.DocumentsTable, TableClient.CreateQueryFilter($"PartitionKey eq {"2022-06"}"));
        var tasks = await KeysAsync(_storage.Names.TasksTable, TableClient.CreateQueryFilter($"PartitionKey eq {"2022-06"}"));
        var deadlines = await KeysAsync(_storage.Names.DeadlinesTable, TableClient.CreateQueryFilter($"IssueKey eq {"2022-06"}"));
        var expected = IssueRows.Build("2022-06", edit, new Upload("x", "0", "UTF-8"), _clock.GetUtcNow());
        Assert.Equal(expected.Documents.Select(e => e.RowKey).Order(), documents.Order());
        Assert.Equal(expected.Tasks.Select(e => e.RowKey).Order(), tasks.Order());
        Assert.Equal(expected.Deadlines.Select(e => e.RowKey).Order(), deadlines.Order());
        Assert.Equal(28, tasks.Count);
        var issueRow = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<TableEntity>("issues", "2022-06")).Value;
        Assert.Equal("2022-06-corrected.txt", issueRow.GetString("BlobName"));
        Assert.Equal(28, issueRow.GetInt32("Tasks"));
    }

    [Fact]
    public async Task A_truncated_reupload_names_the_documents_it_drops_and_the_complete_version_is_kept()
    {
        var original = Samples.Text(Samples.Issue2022_06);
        await UploadAndIngest("2022-06.txt", Encoding.UTF8.GetBytes(original));
        // A conversion that stopped inside the last measure document: the TOC still names every document, so none is
        // missing by name, but the bodies after the cut — and their tasks and deadlines — are gone.
        var truncated = original[..original.IndexOf("第十二条", original.IndexOf("聊政办字〔2022〕26号", StringComparison.Ordinal), StringComparison.Ordinal)];
        var complete = GazetteParser.Parse(Encoding.UTF8.GetBytes(original)).Issue!;
        var cut = GazetteParser.Parse(Encoding.UTF8.GetBytes(truncated)).Issue!;
        Assert.True(cut.Documents.Sum(d => d.Tasks.Count) < complete.Documents.Sum(d => d.Tasks.Count), "the cut must lose tasks");

        var outcome = await UploadAndIngest("2022-06-converted.md", Encoding.UTF8.GetBytes(truncated));

        Assert.Equal(IngestStatus.Replaced, outcome.Status);
        var expected = new IngestOutcome.Loss([], complete.Documents.Sum(d => d.Tasks.Count) - outcome.Tasks, 0);
        Assert.Equal(expected.Tasks, outcome.Lost.Tasks);
        Assert.Empty(outcome.Lost.Documents);
        Assert.Contains($"; {expected.Tasks} tasks fewer", outcome.LossNote);
        var listed = Assert.Single(await new IssueQueries(_storage).ListAsync(), i => i.Key == "2022-06"); // gazette issues, the admin page
        Assert.Equal(outcome.Lost.Describe(), listed.Lost);
        Assert.Equal(outcome.ReplacedVersion, listed.ReplacedVersion);

        var originalSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(original)));
        Assert.Equal($"2022-06/replaced/{originalSha[..16]}.json", outcome.ReplacedVersion);
        var kept = GazetteJson.Deserialize((await _storage.Parsed.GetBlobClient(outcome.ReplacedVersion).DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(7, kept.Documents.Count);
        Assert.Contains(kept.Documents, d => d.Title == "聊城市人民政府大事记(2022年6月)");
    }

    [Fact]
    public async Task A_reupload_without_a_document_names_it()
    {
        var original = Samples.Text(Samples.Issue2022_06);
        await UploadAndIngest("2022-06.txt", Encoding.UTF8.GetBytes(original));
        var withoutChronicle = original[..original.LastIndexOf("聊城市人民政府大事记", StringComparison.Ordinal)]
            .Replace("◎政务动态\n\n聊城市人民政府大事记(2022年6月) 20\n", "", StringComparison.Ordinal);

        var outcome = await UploadAndIngest("2022-06-short.txt", Encoding.UTF8.GetBytes(withoutChronicle));

        Assert.Equal(["聊城市人民政府大事记(2022年6月)"], outcome.Lost.Documents);
        Assert.Contains("1 documents fewer (聊城市人民政府大事记(2022年6月))", outcome.LossNote);
    }

    [Fact]
    public async Task A_complete_reupload_of_a_stored_issue_drops_nothing_and_says_nothing()
    {
        var original = Samples.Text(Samples.Issue2022_06);
        await UploadAndIngest("2022-06.txt", Encoding.UTF8.GetBytes(original));

        var outcome = await UploadAndIngest("2022-06-crlf.txt", Encoding.UTF8.GetBytes(original.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal(IngestStatus.Replaced, outcome.Status);
        Assert.True(outcome.Lost.IsNone);
        Assert.Equal("", outcome.LossNote);
    }

    [Fact]
    public async Task Two_triggers_racing_for_one_blob_ingest_it_once()
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Issues.GetBlobClient("race.txt").UploadAsync(new BinaryData(Samples.Bytes(Samples.Issue2022_06)), overwrite: true);

        var outcomes = await Task.WhenAll(Job().RunAsync("race.txt"), Job().RunAsync("race.txt"), Job().RunAsync("race.txt"));

        Assert.Single(outcomes, o => o.Status == IngestStatus.Ingested);
        Assert.All(outcomes.Where(o => o.Status != IngestStatus.Ingested), o => Assert.Contains(o.Status, new[] { IngestStatus.InProgress, IngestStatus.Unchanged }));
        Assert.Equal(29, await CountAsync(_storage.Names.TasksTable, TableClient.CreateQueryFilter($"PartitionKey eq {"2022-06"}")));
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_worker_is_taken_over_after_the_lease()
    {
        var bytes = Samples.Bytes(Samples.Issue2022_06);
        await _storage.EnsureCreatedAsync();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await _storage.Table(_storage.Names.ReceiptsTable).AddEntityAsync(
            new TableEntity("receipts", sha) { ["Status"] = "ingesting", ["ClaimedAt"] = _clock.GetUtcNow() });
        await _storage.Issues.GetBlobClient("orphaned.txt").UploadAsync(new BinaryData(bytes), overwrite: true);

        Assert.Equal(IngestStatus.InProgress, (await Job().RunAsync("orphaned.txt")).Status);
        _clock.Advance(IngestIssue.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(IngestStatus.Ingested, (await Job().RunAsync("orphaned.txt")).Status);
        Assert.Equal(IngestStatus.Unchanged, (await Job().RunAsync("orphaned.txt")).Status);
    }

    /// <summary>Bad uploads by name; the bytes are made in the test (a 21 MB theory argument would slow discovery).</summary>
    public static TheoryData<string, string> BadUploads() => new()
    {
        { "empty.txt", "the file is empty" },
        { "scan.pdf", "the PDF could not be opened" },
        { "noise.bin", "" },
        { "小说.txt", "does not look like a gazette issue" },
        { "undecodable.txt", "" },
        { "huge.txt", "over the 20 MB limit" },
    };

    private static byte[] BadBytes(string name) => name switch
    {
        "empty.txt" => [],
        "scan.pdf" => [.. "%PDF-1.7\n"u8, 0, 1, 2, 3, 4],
        "noise.bin" => RandomBytes(8192),
        "小说.txt" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("今天天气很好，我们去公园散步，看见很多人在跑步。\n", 30))),
        "undecodable.txt" => [.. Enumerable.Repeat(new byte[] { 0x81, 0x30, 0xFF, 0xFE, 0xC0 }, 400).SelectMany(b => b)],
        "huge.txt" => Enumerable.Repeat((byte)'a', 21 * 1024 * 1024).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_kept_quarantined_with_its_reason_and_listed(string name, string reasonPart)
    {
        var bytes = BadBytes(name);
        var outcome = await UploadAndIngest(name, bytes);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Contains(reasonPart, outcome.Reason);
        Assert.DoesNotContain('\n', outcome.Reason!);
        Assert.True((await _storage.Issues.GetBlobClient(name).ExistsAsync()).Value, "the original must stay in gazette-issues");

        var quarantined = await _storage.Quarantine.GetBlobsAsync().ToListAsync();
        var copy = Assert.Single(quarantined);
        var properties = (await _storage.Quarantine.GetBlobClient(copy.Name).GetPropertiesAsync()).Value;
        Assert.Equal(outcome.Reason, Uri.UnescapeDataString(properties.Metadata["reason"]));
        Assert.Equal(name, Uri.UnescapeDataString(properties.Metadata["originalblob"]));
        Assert.Equal(bytes.Length, properties.ContentLength);

        var listed = Assert.Single(await new IssueQueries(_storage).ListAsync(), i => i.StatusName == "rejected");
        Assert.Equal(outcome.Reason, listed.Reason);
        Assert.Equal(name, listed.BlobName);

        // The same bad bytes again: recorded once, quarantined once.
        Assert.Equal(IngestStatus.Rejected, (await Job().RunAsync(name)).Status);
        Assert.Single(await _storage.Quarantine.GetBlobsAsync().ToListAsync());
    }

    [Fact]
    public async Task A_refused_upload_with_a_name_near_the_limit_is_quarantined_under_a_name_and_metadata_azure_accepts()
    {
        // Azure allows 1,024 characters in a blob name and 8 KB of metadata; percent-encoding makes a Chinese name
        // nine times longer. The quarantine copy must still be written, and the Issues row keep the whole name.
        var name = string.Concat(Enumerable.Repeat("聊城市人民政府公报", 112)) + ".pdf"; // 1,012 characters
        var outcome = await UploadAndIngest(name, [.. "%PDF-1.7\n"u8, 0, 1, 2, 3]);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        var copy = Assert.Single(await _storage.Quarantine.GetBlobsAsync().ToListAsync());
        Assert.True(copy.Name.Length <= 1024, $"{copy.Name.Length} characters");
        Assert.StartsWith(outcome.IssueKey![^16..] + "/聊城市人民政府公报", copy.Name, StringComparison.Ordinal);
        var metadata = (await _storage.Quarantine.GetBlobClient(copy.Name).GetPropertiesAsync()).Value.Metadata;
        Assert.True(metadata.Sum(m => m.Key.Length + m.Value.Length) <= 8 * 1024, "metadata over 8 KB");
        Assert.All(metadata.Values, v => Assert.True(v.All(c => c is >= ' ' and < (char)127)));
        Assert.StartsWith(Uri.UnescapeDataString(metadata["originalblob"]), name, StringComparison.Ordinal); // cut at a character
        Assert.Equal(name, Assert.Single(await new IssueQueries(_storage).ListAsync(), i => i.StatusName == "rejected").BlobName);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_streamed_not_held_and_still_quarantined_byte_for_byte_under_its_hash()
    {
        // Over the limit, ingestion hashes the blob as it streams and copies it to quarantine a block at a time: the
        // copy, the recorded hash and the refusal must be exactly what reading it whole would have given.
        var bytes = RandomBytes(IssueTextDecoder.MaxBytes + 3 * 1024 * 1024 + 17);
        var outcome = await UploadAndIngest("大文件.txt", bytes);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal((IngestStatus.Rejected, IssueKey.Rejected(sha)), (outcome.Status, outcome.IssueKey));
        Assert.Equal(IssueTextDecoder.TooLarge(bytes.Length), outcome.Reason);
        var copy = _storage.Quarantine.GetBlobClient($"{sha[..16]}/大文件.txt");
        Assert.Equal(sha, (await copy.GetPropertiesAsync()).Value.Metadata["sha256"]);
        Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData((await copy.DownloadContentAsync()).Value.Content.ToArray())));
        var etag = (await copy.GetPropertiesAsync()).Value.ETag;

        Assert.Equal(IngestStatus.Rejected, (await Job().RunAsync("大文件.txt")).Status); // the trigger again: nothing rewritten
        Assert.Equal(etag, (await copy.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task Ingesting_the_largest_sample_stays_within_its_round_trip_budget()
    {
        var counter = new RequestCounter();
        var storage = new GazetteStorage(StorageSettings.Development, _storage.Names, StorageClientTuning.Interactive with { PerCallPolicy = counter });
        await storage.EnsureCreatedAsync();
        var bytes = Samples.Bytes(Samples.Issue2018_07);
        await storage.Issues.GetBlobClient("big.txt").UploadAsync(new BinaryData(bytes), overwrite: true);
        counter.Reset();

        await new IngestIssue(storage, _clock).RunAsync("big.txt");

        var rows = IssueRows.Build("2018-07", Samples.Issue(Samples.Issue2018_07), new Upload("big.txt", "0", "UTF-8"), _clock.GetUtcNow()).RowCount;
        var budget = (int)Math.Ceiling(rows / 100.0) + 10;
        Assert.True(counter.Count <= budget, $"{counter.Count} round trips for {rows} rows; budget {budget}");
    }

    [Fact]
    public async Task A_missing_blob_is_reported_not_thrown()
    {
        await _storage.EnsureCreatedAsync();
        Assert.Equal(IngestStatus.Missing, (await Job().RunAsync("gone.txt")).Status);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private async Task<int> CountAsync(string table, string filter) => (await KeysAsync(table, filter)).Count;

    private async Task<List<string>> KeysAsync(string table, string filter)
    {
        var keys = new List<string>();
        await foreach (var e in _storage.Table(table).QueryAsync<TableEntity>(filter, select: ["RowKey"])) keys.Add(e.RowKey);
        return keys;
    }

    private async Task<string> SnapshotAsync()
    {
        var sb = new StringBuilder();
        foreach (var table in new[] { _storage.Names.IssuesTable, _storage.Names.DocumentsTable, _storage.Names.TasksTable, _storage.Names.DeadlinesTable })
        {
            await foreach (var e in _storage.Table(table).QueryAsync<TableEntity>())
            {
                sb.Append(table).Append('|').Append(e.PartitionKey).Append('|').Append(e.RowKey).Append('|').Append(e.ETag).Append('\n');
            }
        }

        return sb.ToString();
    }
}
