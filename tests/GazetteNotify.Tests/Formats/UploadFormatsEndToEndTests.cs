using System.Text;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Formats.Html;
using GazetteNotify.Tests.Formats.Pdf;
using GazetteNotify.Tests.Formats.Word;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Formats;

/// <summary>
/// What an admin holds — the gazette's PDF, a Word file, the government's web page — uploaded to Azurite under a name
/// that says nothing of its kind, ingested by the blob trigger's job, and mailed to subscribers like a text upload.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class UploadFormatsEndToEndTests(PdfPrinter printer) : IClassFixture<PdfPrinter>, IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-formats-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private async Task<IngestOutcome> UploadAsync(string blobName, byte[] bytes)
    {
        await _storage.EnsureCreatedAsync();
        await _storage.Issues.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), overwrite: true);
        var outcome = await new IngestIssue(_storage, _clock).RunAsync(blobName);
        _clock.Advance(TimeSpan.FromMinutes(1));
        return outcome;
    }

    private async Task<MimeMessage> DigestForAsync(string email, string keyword)
    {
        await Scenario.SubscribeAsync(_storage, _clock, email, Scenario.Keywords(keyword));
        var run = await Jobs.Alerts(_storage, new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local")),
            new LinkTokens(Scenario.LinkSecret, _clock), SiteSettings.Local, _clock).RunAsync();
        Assert.Equal(1, run.Sent);
        return await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_outbox, "*.eml")));
    }

    [Fact]
    public async Task A_gazette_PDF_named_bin_reaches_a_subscribers_digest_and_the_issue_page_names_its_reader()
    {
        var text = Samples.Text(Samples.Issue2022_06);
        var pdf = await printer.PrintAsync(GazetteHtml.Issue(text, twoColumns: true), new PrintSettings("聊城市人民政府公报"));

        var outcome = await UploadAsync("scan-from-printer.bin", pdf);

        var fromText = GazetteNotify.Parsing.GazetteParser.ParseText(text).Issue!;
        Assert.Equal((IngestStatus.Ingested, "2022-06", fromText.Documents.Count), (outcome.Status, outcome.IssueKey, outcome.Documents));
        Assert.Equal(fromText.Documents.Sum(d => d.Tasks.Count), outcome.Tasks);
        var row = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", "2022-06")).Value;
        Assert.Equal(("Pdf", "PDF"), (row.GetString("Reader"), row.GetString("Encoding")));
        var stored = (await _storage.Issues.GetBlobClient("scan-from-printer.bin").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(pdf, stored); // the upload keeps its bytes

        var page = await Jobs.AdminPages(_storage, null!, new LinkTokens(Scenario.LinkSecret, _clock), SiteSettings.Local, _clock).IssueAsync("2022-06");
        Assert.Contains("读取方式：PDF（按文字层读取）", page.Html);

        var mail = await DigestForAsync("permit@example.com", "居住证");
        Assert.Contains("关于印发聊城市居住证实施办法的通知", mail.TextBody);
    }

    [Fact]
    public async Task A_Word_file_reaches_a_digest_and_the_same_issue_as_a_web_page_replaces_it_losing_nothing()
    {
        var text = Samples.Text(Samples.Issue2022_06);
        var fromText = GazetteNotify.Parsing.GazetteParser.ParseText(text).Issue!;
        var docx = SampleDocx.Build(text, out _);

        var word = await UploadAsync("issue.txt", docx); // a wrong extension does not matter

        Assert.Equal((IngestStatus.Ingested, fromText.Documents.Count, fromText.Documents.Sum(d => d.Tasks.Count)), (word.Status, word.Documents, word.Tasks));
        var row = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", word.IssueKey)).Value;
        Assert.Equal("Word", row.GetString("Reader"));
        var mail = await DigestForAsync("permit@example.com", "居住证");
        Assert.Contains("关于印发聊城市居住证实施办法的通知", mail.TextBody);

        var html = GovPage.Html("聊城市人民政府公报2022年第6期", [("发布机构", "聊城市人民政府办公室"), ("标题", "聊城市人民政府公报2022年第6期")],
            GovPage.Article(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">");
        var web = await UploadAsync("page.pdf", GovPage.Gbk(html));

        // The same issue again (same key): the page's parse has everything the Word file's had.
        Assert.Equal((IngestStatus.Replaced, word.IssueKey, word.Documents, word.Tasks), (web.Status, web.IssueKey, web.Documents, web.Tasks));
        Assert.True(web.Lost.IsNone);
        row = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", web.IssueKey)).Value;
        Assert.Equal("Html", row.GetString("Reader"));
    }

    [Fact]
    public async Task A_password_protected_PDF_is_refused_in_one_line_and_kept_in_quarantine()
    {
        var outcome = await UploadAsync("locked.pdf", HandmadePdf.Encrypted("secret", "owner"));

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Contains("encrypted", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Reason!);
        var row = (await _storage.Table(_storage.Names.IssuesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("issues", outcome.IssueKey)).Value;
        Assert.Equal(("rejected", "Pdf"), (row.GetString("Status"), row.GetString("Reader")));
        Assert.Equal(Encoding.ASCII.GetBytes("%PDF"), (await _storage.Quarantine.GetBlobClient(row.GetString("QuarantineBlob")).DownloadContentAsync()).Value.Content.ToArray()[..4]);
    }
}
