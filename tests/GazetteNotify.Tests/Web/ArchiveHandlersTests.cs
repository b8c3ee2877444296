using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Queries;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Web;

/// <summary>
/// The public archive over what was ingested: a document's page with its text and tasks, its issue's page and upload,
/// documents linked by what they repeal, and a 404 page for every key that names nothing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ArchiveHandlersTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 7, 1, 0, 0, 0, TimeSpan.Zero));

    private ArchiveHandlers Handlers() => new(new ArchiveQueries(_storage), SiteSettings.Local);

    /// <summary>Text as the pages write it (the renderer's encoder).</summary>
    private static string Encoded(string text) => GazetteNotify.Html.ComponentHtml.Encoder.Encode(text);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "archive", name);

    private async Task<string> IngestFileAsync(string path)
    {
        await _storage.EnsureCreatedAsync();
        var name = "uploads/" + Path.GetFileName(path);
        await _storage.Issues.GetBlobClient(name).UploadAsync(new BinaryData(await File.ReadAllBytesAsync(path)), overwrite: true);
        var outcome = await new IngestIssue(_storage, _clock).RunAsync(name);
        return outcome.IssueKey!;
    }

    [Fact]
    public async Task A_documents_page_shows_its_facts_full_text_and_each_task_beside_its_clause()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var parsed = Samples.Issue(Samples.Issue2022_06);
        var withTasks = parsed.Documents.Select((d, i) => (d, i)).First(x => x.d.Tasks.Count > 0);
        var docKey = (withTasks.i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

        var page = await Handlers().DocumentAsync("2022-06", docKey);

        Assert.Equal(200, page.Status);
        var html = page.Html;
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains($"<h1>{withTasks.d.Title}</h1>", html);
        Assert.Contains(withTasks.d.DocNumber!, html);
        Assert.Contains("<h2 id=\"fulltext\">全文</h2>", html);
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html);
        // Every paragraph of the body is on the page, in order.
        var at = 0;
        foreach (var paragraph in withTasks.d.Paragraphs.Where(p => p.Kind != "table"))
        {
            var found = html.IndexOf(Encoded(paragraph.Text), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"paragraph missing or out of order: {paragraph.Text}");
            at = found;
        }

        // One anchor per task, right after the paragraph it was read from, and one row per task in the table.
        for (var t = 0; t < withTasks.d.Tasks.Count; t++)
        {
            var anchor = Routes.TaskAnchor((t + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            var aside = html.IndexOf($"id=\"{anchor}\"", StringComparison.Ordinal);
            Assert.True(aside > 0, $"no anchor {anchor}");
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, $"id=\"{anchor}\""));
            Assert.Contains($"id=\"row-{anchor}\"", html);
            var task = withTasks.d.Tasks[t];
            var clause = Encoded(withTasks.d.Paragraphs[task.Paragraph!.Value].Text);
            var clauseAt = html.IndexOf(clause, StringComparison.Ordinal);
            Assert.InRange(clauseAt, 0, aside);
            Assert.Contains(task.Lead[0], html[aside..]);
        }

        Assert.Contains("<th scope=\"col\">牵头单位</th>", html);
        Assert.Contains(Routes.IssueUrl(SiteSettings.Local.PublicBaseUrl, "2022-06").PathAndQuery, html);
    }

    [Fact]
    public async Task The_issue_page_links_every_document_and_serves_the_upload_for_download()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();

        var page = await handlers.IssueAsync("2022-06");

        Assert.Equal(200, page.Status);
        var documents = Samples.Issue(Samples.Issue2022_06).Documents;
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Contains($"href=\"/documents/2022-06/{i + 1:00}\"", page.Html);
        }

        Assert.Contains("href=\"/issues/2022-06/upload\"", page.Html);
        var upload = await handlers.UploadAsync("2022-06");
        Assert.Equal(200, upload.Status);
        Assert.Equal(Samples.Bytes(Samples.Issue2022_06), upload.Bytes);
        Assert.Equal("application/octet-stream", upload.ContentType);
        Assert.Equal("nosniff", upload.Headers["X-Content-Type-Options"]);
        Assert.StartsWith("attachment; filename=\"", upload.Headers["Content-Disposition"]);
    }

    [Fact]
    public void The_download_name_is_safe_whatever_the_upload_was_called()
    {
        var header = ArchiveHandlers.ContentDisposition("uploads/公报\"; x=\\y\r\n.pdf");

        Assert.DoesNotContain('\r', header);
        Assert.DoesNotContain('\n', header);
        Assert.Equal("attachment; filename=\"_____x__y__.pdf\"; filename*=UTF-8''%E5%85%AC%E6%8A%A5%22%3B%20x%3D%5Cy%0D%0A.pdf", header);
    }

    [Theory]
    [InlineData("2022-06", "99")]
    [InlineData("1999-01", "01")]
    [InlineData("2022-06", "1")]
    [InlineData("../2022-06", "01")]
    [InlineData("2022-06", "01' or ''='")]
    [InlineData(null, null)]
    public async Task Unknown_or_malformed_keys_are_a_404_page_in_the_sites_style(string? issueKey, string? docKey)
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();

        var document = await handlers.DocumentAsync(issueKey, docKey);
        var issue = await handlers.IssueAsync(issueKey == "2022-06" ? "2022-07" : issueKey);
        var upload = await handlers.UploadAsync(issueKey == "2022-06" ? new string('x', 300) : issueKey);

        foreach (var page in new[] { document, issue, upload })
        {
            Assert.Equal(404, page.Status);
            Assert.Null(page.Bytes);
            Assert.Contains("<html lang=\"zh-CN\">", page.Html);
            Assert.Contains("<h1>未找到</h1>", page.Html);
            Assert.Contains("返回首页", page.Html);
        }
    }

    [Fact]
    public async Task A_document_repealed_by_a_later_one_says_so_and_both_link_each_other()
    {
        var oldKey = await IngestFileAsync(Fixture("repealed-2020-1.txt"));
        var newKey = await IngestFileAsync(Fixture("hostile-repealing-2022-3.txt"));
        var handlers = Handlers();

        var repealed = await handlers.DocumentAsync(oldKey, "01");
        var repealing = await handlers.DocumentAsync(newKey, "01");

        Assert.Contains("本文件已被废止", repealed.Html);
        Assert.Contains($"href=\"{Routes.DocumentUrl(SiteSettings.Local.PublicBaseUrl, newKey, "01").PathAndQuery}\"", repealed.Html);
        Assert.Contains("本文件宣布废止", repealing.Html);
        Assert.Contains($"href=\"{Routes.DocumentUrl(SiteSettings.Local.PublicBaseUrl, oldKey, "01").PathAndQuery}\"", repealing.Html);
        Assert.Contains("自2022年7月1日起施行，有效期至2027年6月30日", repealing.Html);
        Assert.DoesNotContain("已被废止", repealing.Html);
    }

    [Fact]
    public async Task Hostile_text_from_an_upload_is_shown_as_text()
    {
        var key = await IngestFileAsync(Fixture("hostile-repealing-2022-3.txt"));

        var html = (await Handlers().DocumentAsync(key, "01")).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("办理地址：javascript:alert(2)", html);
        Assert.Contains("&amp;lt;script&amp;gt;alert(4)", html);
    }

    [Fact]
    public void Markup_in_a_parsed_document_renders_encoded_everywhere_on_its_page()
    {
        const string hostile = "<script>alert('x')</script><a href=\"javascript:alert(1)\">点</a>";
        var document = new GazetteDocument("", "测〔2022〕1号", "标题" + hostile, hostile, null, null, "通知", null, [], "", null, [], 
            [new ResponsibilityTask("一", [hostile], [], [new Deadline("6月底前" + hostile, new DateOnly(2022, 6, 30), DeadlineKind.Deadline)]) { Paragraph = 0 }], [], [hostile])
        {
            Paragraphs = [new DocumentParagraph("heading", hostile), new DocumentParagraph("text", hostile), new DocumentParagraph("table", hostile + "\t" + hostile)],
        };
        var row = new DocumentRow { PartitionKey = "k", RowKey = "01", Title = document.Title, Issuer = hostile, References = [hostile], Topics = [hostile] };
        var issue = new IssueRow { PartitionKey = IssueRows.IssuesPartition, RowKey = "k", Title = hostile, Status = IssueStatus.Ingested };
        var page = GazetteNotify.Html.ComponentHtml.Render<DocumentPage>(new()
        {
            [nameof(DocumentPage.Document)] = new ArchiveDocument(issue, row, document, [new TaskRow { PartitionKey = "k", RowKey = "01|001", Excerpt = hostile }], ArchiveRelations.None),
            [nameof(DocumentPage.BaseUrl)] = SiteSettings.Local.PublicBaseUrl,
        });

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert(1)\"", page);
        Assert.Contains("&lt;script&gt;", page);
    }
}
