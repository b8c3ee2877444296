using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Faults;

/// <summary>
/// Hostile and broken uploads (issue 9) through the real ingestion on Azurite: each file of <see cref="HostileCorpus"/>
/// is uploaded to gazette-issues and ingested. Whatever it is, the job answers — ingested, or rejected with one short
/// line the admin can read — the upload stays where it was, and a refusal is quarantined and recorded. Then the mails
/// that ingested hostile text reaches: markup escaped, no header forged.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class HostileInputTests : IDisposable
{
    /// <summary>Not a timing assertion: a case that hangs fails here instead of holding the run.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    // 10 June 2022, 08:00 China time: the issue's 6月底前 limits are within the digest's 30 days.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.FromHours(8)));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-hostile-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    public static TheoryData<string> Cases() => new(HostileCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_30_files_and_both_outcomes()
    {
        Assert.True(HostileCorpus.All.Count >= 30, $"{HostileCorpus.All.Count} cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Name).Distinct().Count());
        Assert.Contains(HostileCorpus.All, c => c.Expect == Expect.Ingested);
        Assert.Contains(HostileCorpus.All, c => c.Expect == Expect.Rejected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_upload_is_ingested_or_refused_with_one_line_and_stays_where_it_was(string name)
    {
        var hostile = HostileCorpus.Get(name);
        var storage = AzuriteFixture.NewStorage();
        try
        {
            await IngestAndCheckAsync(hostile, storage);
        }
        finally
        {
            await DropAsync(storage); // the run's Azurite keeps everything in memory, and some of these files are large
        }
    }

    private async Task IngestAndCheckAsync(HostileCase hostile, GazetteStorage storage)
    {
        using var timeout = new CancellationTokenSource(Hang);
        var bytes = hostile.Make();
        var blobName = hostile.BlobName ?? $"upload-{HostileCorpus.All.ToList().IndexOf(hostile):00}.txt";
        await storage.EnsureCreatedAsync(timeout.Token);
        await storage.Issues.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), overwrite: true, timeout.Token);

        var outcome = await IngestAsync(storage, blobName, timeout.Token);

        Assert.True((await storage.Issues.GetBlobClient(blobName).ExistsAsync(timeout.Token)).Value, "the upload is still in gazette-issues");
        var issues = storage.Table(storage.Names.IssuesTable);
        if (hostile.Expect == Expect.Rejected)
        {
            Assert.True(outcome.Status == IngestStatus.Rejected, $"expected a refusal, got {outcome.Status} ({outcome.Documents} documents, {outcome.Tasks} tasks)");
            var reason = outcome.Reason ?? "";
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.DoesNotContain('\n', reason);
            Assert.DoesNotContain('\r', reason);
            Assert.True(reason.Length < 300, $"{reason.Length} characters: {reason}");
            if (hostile.ReasonHas is { } fragment) Assert.Contains(fragment, reason, StringComparison.Ordinal);

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var quarantined = storage.Quarantine.GetBlobClient($"{sha[..16]}/{blobName}");
            var properties = (await quarantined.GetPropertiesAsync(cancellationToken: timeout.Token)).Value;
            Assert.Equal(bytes.Length, properties.ContentLength);
            Assert.Equal(reason, Uri.UnescapeDataString(properties.Metadata["reason"]));
            var row = (await issues.GetEntityAsync<TableEntity>(IssueRows.IssuesPartition, outcome.IssueKey!, cancellationToken: timeout.Token)).Value;
            Assert.Equal("rejected", row.GetString("Status"));
            Assert.Equal(reason, row.GetString("Reason"));
            Assert.Equal($"{sha[..16]}/{blobName}", row.GetString("QuarantineBlob"));
        }
        else
        {
            Assert.True(outcome.Status == IngestStatus.Ingested, $"expected it ingested, got {outcome.Status}: {outcome.Reason}");
            var row = (await issues.GetEntityAsync<TableEntity>(IssueRows.IssuesPartition, outcome.IssueKey!, cancellationToken: timeout.Token)).Value;
            Assert.Equal("ingested", row.GetString("Status"));
            Assert.Equal(outcome.Documents, row.GetInt32("Documents"));
            var json = (await storage.Parsed.GetBlobClient($"{outcome.IssueKey}/issue.json").DownloadContentAsync(timeout.Token)).Value.Content.ToString();
            var text = (await storage.Parsed.GetBlobClient($"{outcome.IssueKey}/text.txt").DownloadContentAsync(timeout.Token)).Value.Content.ToString();
            var issue = GazetteJson.Deserialize(json)!;
            Assert.Equal(outcome.Documents, issue.Documents.Count);
            var excerpts = new List<string>();
            await foreach (var task in storage.Table(storage.Names.TasksTable).QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {outcome.IssueKey}"), cancellationToken: timeout.Token))
            {
                excerpts.Add(task.GetString("Excerpt") ?? "");
            }

            Assert.Equal(outcome.Tasks, excerpts.Count);
            hostile.Check?.Invoke(new Ingested(issue, text, outcome.Tasks, excerpts));
        }
    }

    [Fact]
    public async Task Mails_about_hostile_titles_and_units_escape_the_markup_and_forge_no_header()
    {
        var storage = AzuriteFixture.NewStorage();
        using var timeout = new CancellationTokenSource(Hang);
        await storage.EnsureCreatedAsync(timeout.Token);
        await storage.Issues.GetBlobClient("2022-06.txt").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(HostileCorpus.HostileMailIssue())), overwrite: true, timeout.Token);
        var outcome = await IngestAsync(storage, "2022-06.txt", timeout.Token);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);

        // What the upload carried into storage, verbatim: the mails below must show it as text, never as markup.
        var issue = GazetteJson.Deserialize((await storage.Parsed.GetBlobClient("2022-06/issue.json").DownloadContentAsync(timeout.Token)).Value.Content.ToString())!;
        Assert.Contains("<script>alert(1)</script>", issue.Documents[0].Title, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", issue.Documents[1].Title, StringComparison.Ordinal);
        Assert.Contains("Bcc:evil@example.com", issue.Documents[1].Title, StringComparison.Ordinal);
        var item2 = issue.Documents[0].Tasks.Single(t => t.Item == "2");
        Assert.Contains("市财政局", item2.Lead);
        Assert.DoesNotContain(item2.Lead.Concat(item2.Support), u => u.Contains('<', StringComparison.Ordinal) || u.Contains("evil", StringComparison.Ordinal));
        var excerpt = (await storage.Table(storage.Names.TasksTable).GetEntityAsync<TableEntity>("2022-06", "01|002", cancellationToken: timeout.Token)).Value.GetString("Excerpt");
        Assert.Contains("<script>alert(1)</script>", excerpt, StringComparison.Ordinal);
        Assert.Contains("Bcc:evil@example.com", excerpt, StringComparison.Ordinal);

        // A reader whose keywords match the hostile documents, and a finance department with an address.
        await Scenario.SubscribeAsync(storage, _clock, "reader@example.com", Scenario.Keywords("居住证", "alert(1)"));
        var departments = new DepartmentStore(storage);
        await departments.SaveAsync((await departments.LoadAsync(timeout.Token)).WithEmail("finance", "caizheng@lc.example.gov.cn"), timeout.Token);
        var transport = new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local"));
        var tokens = new LinkTokens(Scenario.LinkSecret, _clock);

        var alerts = await Jobs.Alerts(storage, transport, tokens, SiteSettings.Local, _clock).RunAsync(timeout.Token);
        Assert.Equal(1, alerts.Sent);
        _clock.SetUtcNow(new DateTimeOffset(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8)));
        var reminders = await Jobs.Reminders(storage, transport, tokens, SiteSettings.Local, ReminderSettings.Default, _clock).RunAsync(cancellationToken: timeout.Token);
        Assert.True(reminders.Sent >= 1);

        var files = Directory.GetFiles(_outbox, "*.eml");
        Assert.Equal(1 + reminders.Sent, files.Length);
        var digest = 0;
        var reminder = 0;
        foreach (var file in files)
        {
            var raw = await File.ReadAllTextAsync(file, timeout.Token);
            var message = await MimeMessage.LoadAsync(file, timeout.Token);
            var to = Assert.Single(message.To.Mailboxes).Address;
            digest += to == "reader@example.com" ? 1 : 0;
            reminder += to == "caizheng@lc.example.gov.cn" ? 1 : 0;

            // Headers: one To, no Bcc or Cc at all, one Subject without a line break; the injected address is nowhere.
            Assert.Empty(message.Bcc);
            Assert.Empty(message.Cc);
            Assert.DoesNotContain(message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("Cc", StringComparison.OrdinalIgnoreCase));
            Assert.Single(message.Headers, h => h.Id == HeaderId.To);
            Assert.Single(message.Headers, h => h.Id == HeaderId.Subject);
            Assert.DoesNotContain('\r', message.Subject ?? "");
            Assert.DoesNotContain('\n', message.Subject ?? "");
            var head = raw.ReplaceLineEndings("\n").Split("\n\n")[0]; // the header block, before the first blank line
            Assert.DoesNotContain("evil@example.com", head, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\nBcc:", head, StringComparison.OrdinalIgnoreCase);

            // The HTML part: the hostile text is there, escaped, and never as an element.
            var html = message.HtmlBody ?? "";
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            // The plain part keeps the text as text: a forged header line in it is only words on a line of their own.
            Assert.DoesNotContain("\nBcc: evil@example.com", message.TextBody ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(1, digest);
        Assert.True(reminder >= 1);
    }

    private static async Task DropAsync(GazetteStorage storage)
    {
        foreach (var container in storage.Names.Containers) await storage.Container(container).DeleteIfExistsAsync();
        foreach (var table in storage.Names.Tables) await storage.Table(table).DeleteAsync();
        foreach (var queue in storage.Names.Queues) await storage.Queue(queue).DeleteIfExistsAsync();
    }

    /// <summary>The job as the trigger runs it, on another thread, so that a hang is cut off after <see cref="Hang"/>.</summary>
    private Task<IngestOutcome> IngestAsync(GazetteStorage storage, string blobName, CancellationToken cancellationToken) =>
        Task.Run(() => new IngestIssue(storage, _clock).RunAsync(blobName, cancellationToken), cancellationToken).WaitAsync(cancellationToken);
}
