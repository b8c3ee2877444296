using System.Text;
using GazetteNotify.Admin;
using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using GazetteNotify.Documents;
using GazetteNotify.Site;

namespace GazetteNotify.Tests.Web;

/// <summary>
/// Every mail and page the service renders, against golden files (<see cref="RenderingGolden"/>): the digest (several
/// documents, limits and upcoming tasks; as a batch template filled for a recipient; with markup in a title), the
/// reminder (several tasks, one overdue), the subscription mails, every subscription, task and feed page, and the admin
/// pages with each of their sections filled. Subjects, headers and text parts byte for byte; HTML by its outline.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RenderingGoldenTests : IDisposable
{
    private const string Gazette = "聊城市人民政府公报";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 20, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-golden-").FullName;
    private readonly List<string> _differences = [];

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private LinkTokens Tokens => new(Scenario.LinkSecret, _clock);

    private OutboxTransport Outbox() => new(_outbox, new MailboxAddress("提醒", "alerts@gazette.local"));

    private void Mail(string name, RenderedMail mail)
    {
        var head = new StringBuilder().Append("To: ").Append(mail.To).Append('\n').Append("Subject: ").Append(mail.Subject).Append('\n');
        foreach (var (key, value) in mail.Headers.OrderBy(h => h.Key, StringComparer.Ordinal)) head.Append(key).Append(": ").Append(value).Append('\n');
        _differences.AddRange(RenderingGolden.Check(name, head.ToString(), mail.Text, mail.Html));
    }

    private void Page(string name, PageResult page)
    {
        var head = new StringBuilder().Append("Status: ").Append(page.Status).Append('\n').Append("Content-Type: ").Append(page.ContentType).Append('\n');
        foreach (var (key, value) in page.Headers.OrderBy(h => h.Key, StringComparer.Ordinal)) head.Append(key).Append(": ").Append(value).Append('\n');
        _differences.AddRange(RenderingGolden.Check(name, head.ToString(), null, page.Html));
    }

    private void AssertSame() => Assert.True(_differences.Count == 0, string.Join("\n\n", _differences));

    private static List<AlertDocument> Documents2022_06()
    {
        var parsed = Samples.Parse(Samples.Issue2022_06);
        var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
        return issue.Documents.Select((d, i) => new AlertDocument("2022-06", "2022年第6期", d, parsed.DocumentTexts[i]) { DocKey = (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
    }

    private static Subscription Reader(Preferences preferences) =>
        new(EmailAddress.Parse("reader@example.com"), SubscriptionStatus.Active, preferences, DateTimeOffset.UnixEpoch);

    /// <summary>The public base URL the digests link documents under.</summary>
    private static readonly Uri SiteUrl = new("https://gazette.example.org/");

    private static readonly RecipientLinks Links = new(
        "https://gazette.example.org/manage?token=m&x=<1>", "https://gazette.example.org/unsubscribe?token=u&x=\"2\"", "https://gazette.example.org/api/unsubscribe?token=o");

    [Fact]
    public void The_mails_render_as_before()
    {
        var documents = Documents2022_06();
        var preferences = new Preferences(["finance"], ["居住证"], ["市医疗保障局"], [], DigestFrequency.EachIssue) { Follows = ["鲁政办字〔2020〕176号"] };
        var deadlines = new[]
        {
            new AlertDeadline(new DateOnly(2022, 7, 20), "7月20日前", documents[0], ["市财政局", "市税务局"]),
            new AlertDeadline(new DateOnly(2022, 7, 25), "7月下旬", documents[0], ["市财政局"]),
        };
        var digest = DigestPlanner.Plan([Reader(preferences)], documents, deadlines, new DateOnly(2022, 7, 1)).Single();
        Assert.True(digest.Items.Count >= 3 && digest.Upcoming.Count == 2 && digest.Items.Any(i => i.Document.Document.Deadlines.Any(d => d.Date is not null)));
        Mail("digest", DigestRenderer.Render(digest, Links, Gazette, SiteUrl));

        var template = DigestRenderer.Render(digest, EmailBatch.Slots, Gazette, SiteUrl);
        var batch = new EmailBatch("run-1", template.Subject, template.Html, template.Text, template.Headers, [new BatchRecipient("reader@example.com", "k", "run-1-k", Links)]);
        Mail("digest-batch", batch.For(batch.Recipients[0]));

        var hostile = documents[1] with
        {
            Document = documents[1].Document with { Title = "居住证<script>alert('x')</script><img src=x onerror=1>", Summary = "摘要 & \"引号\" <b>粗</b>" },
        };
        Mail("digest-markup", DigestRenderer.Render(DigestPlanner.Plan([Reader(Scenario.Keywords("居住证"))], [hostile], [], new DateOnly(2022, 7, 1)).Single(), Links, Gazette, SiteUrl));

        var department = new Department("finance", "市财政局", ["财政局"], ["caizheng@lc.example.gov.cn"]);
        ReminderTask Task(string key, string? docNumber, string title, string? item, string? excerpt, string phrase) =>
            new(key, key[..key.LastIndexOf('|')], docNumber, title, item, excerpt, ["市财政局"], [], phrase, DeadlineKind.Deadline, new DateOnly(2022, 6, 30), "as written");
        var reminder = new DepartmentReminder(department,
        [
            new ReminderItem(Task("2022-06|1|2|1", "聊政发〔2022〕6号", "关于印发《聊城市稳住经济运行若干措施》的通知", "2", "依法加快涉企资金兑付进度，<b>6月底前</b>完成 & \"清零\"。", "6月底前"), TaskRole.Lead, new DateOnly(2022, 6, 30), "30", 10),
            new ReminderItem(Task("2022-06|1|16|1", "聊政发〔2022〕6号", "关于印发《聊城市稳住经济运行若干措施》的通知", "16", null, "6月20日前"), TaskRole.Support, new DateOnly(2022, 6, 20), "overdue", -3),
            new ReminderItem(Task("2022-06|4|1|1", null, "关于做好居住证办理工作的通知", null, "当日办结。", "即日起"), TaskRole.Responsible, new DateOnly(2022, 6, 20), "0", 0),
        ]);
        var reminderLinks = new ReminderLinks(Tokens, SiteSettings.Local);
        Mail("reminder", ReminderRenderer.Render(reminder, reminderLinks, Gazette, "caizheng@lc.example.gov.cn"));

        Mail("confirmation", SubscriptionMails.Confirmation("reader@example.com", Gazette, "https://gazette.example.org/confirm?token=abc.def&x=<1>", 7));
        Mail("manage-link", SubscriptionMails.ManageLink("reader@example.com", Gazette, "https://gazette.example.org/manage?token=t&x=\"q\""));
        AssertSame();
    }

    [Fact]
    public async Task The_search_page_renders_as_before()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        using var index = new GazetteNotify.Search.SearchIndex(null);
        using var search = new GazetteNotify.Search.ArchiveSearch(new GazetteNotify.Search.ArchiveSource(_storage), index, _clock);
        var handlers = new SearchHandlers(search, SiteSettings.Local);
        GazetteNotify.Search.SearchQuery Q(string? q, string? number = null, string? inForce = null, string? page = null) =>
            GazetteNotify.Search.SearchQuery.From(q, number, null, null, null, null, inForce, page);

        Page("search-results", await handlers.PageAsync(Q("居住证")));
        Page("search-form", await handlers.PageAsync(GazetteNotify.Search.SearchQuery.Empty));
        Page("search-by-number-in-force", await handlers.PageAsync(Q(null, "聊政办字", "1", "2")));
        Page("search-nothing-found", await handlers.PageAsync(Q("<script>alert(1)</script>")));
        AssertSame();
    }

    [Fact]
    public async Task The_subscription_and_feed_pages_render_as_before()
    {
        var handlers = new SubscriptionHandlers(new SubscriberStore(_storage, _clock), Tokens, Outbox(), SiteSettings.Local, _clock);
        Page("subscribe-form", handlers.Form());
        Page("subscribe-bad-address", await handlers.SubscribeAsync(new SubscriptionForm("<script>@x\" onfocus=\"1", [], "居住证", "", "", "")));
        Page("subscribe-nothing-chosen", await handlers.SubscribeAsync(new SubscriptionForm("zhang@example.com", [], "", "", "", "")));
        Page("subscribe-check-mail", await handlers.SubscribeAsync(new SubscriptionForm("zhang@example.com", ["finance"], "居住证", "", "", "Weekly")));
        Page("confirm-invalid", await handlers.ConfirmAsync("not-a-token"));
        var earlier = new LinkTokens(Scenario.LinkSecret, new FakeTimeProvider(_clock.GetUtcNow().AddDays(-400)));
        Page("confirm-expired", await handlers.ConfirmAsync(earlier.Issue(SubscriptionHandlers.Confirm, "zhang@example.com", SubscriptionHandlers.ConfirmLinkLifetime)));
        Page("manage-expired", await handlers.ManageAsync(earlier.Issue(SubscriptionHandlers.Manage, "zhang@example.com")));
        Page("confirm-old-link", await handlers.ConfirmAsync(Tokens.Issue(SubscriptionHandlers.Confirm, "zhang@example.com", SubscriptionHandlers.ConfirmLinkLifetime)));
        var zhang = EmailAddress.Parse("zhang@example.com");
        var requestId = _storage.Table(_storage.Names.SubscribeRequestsTable).Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == zhang.Hash()).Single().RowKey;
        var confirm = Tokens.Issue(SubscriptionHandlers.Confirm, ConfirmSubject.Format(zhang, requestId), SubscriptionHandlers.ConfirmLinkLifetime);
        Page("confirm-page", await handlers.ConfirmPageAsync(confirm));
        Page("confirm-ok", await handlers.ConfirmAsync(confirm));
        Page("confirm-already-active", await handlers.ConfirmPageAsync(confirm));

        var manage = Tokens.Issue(SubscriptionHandlers.Manage, "zhang@example.com");
        Page("manage-saved", await handlers.UpdateAsync(manage, new SubscriptionForm(null, ["finance", "health"], "居住证、<减税>", "市医疗保障局", "聊政办字", "Weekly") { Follows = "聊政办字〔2022〕22号" }));
        Page("manage", await handlers.ManageAsync(manage));
        Page("manage-nothing-chosen", await handlers.UpdateAsync(manage, new SubscriptionForm(null, [], "", "", "", "")));
        var unsubscribe = Tokens.Issue(SubscriptionHandlers.Unsubscribe, "zhang@example.com");
        Page("unsubscribe", handlers.UnsubscribePage(unsubscribe));
        Page("unsubscribed", await handlers.UnsubscribeAsync(unsubscribe));
        Page("manage-gone", await handlers.ManageAsync(manage));
        Page("confirm-gone", await handlers.ConfirmAsync(Tokens.Issue(SubscriptionHandlers.Confirm, ConfirmSubject.Format(EmailAddress.Parse("nobody@example.com"), PendingRequests.NewId()), SubscriptionHandlers.ConfirmLinkLifetime)));

        Page("feed-unknown-topic", await new FeedHandlers(new RecentDocuments(_storage), SiteSettings.Local, _clock).TopicAsync("no-such-topic"));
        AssertSame();
    }

    [Fact]
    public async Task The_task_and_admin_pages_render_as_before()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await _storage.Issues.GetBlobClient("empty.txt").UploadAsync(new BinaryData(Array.Empty<byte>()));
        await new IngestIssue(_storage, _clock).RunAsync("empty.txt");
        var departments = new DepartmentStore(_storage);
        await departments.SaveAsync((await departments.LoadAsync()).WithEmail("finance", "caizheng@lc.example.gov.cn"));

        // Task pages: a task of 市财政局 from the sample, through its signed links.
        var task = (await Jobs.Deadlines(_storage).AllScheduledAsync()).First(t => t.Lead.Contains("市财政局") || t.Support.Contains("市财政局"));
        var tasks = Jobs.TaskHandlers(_storage, Tokens, SiteSettings.Local, _clock);
        var subject = ReminderLinks.Subject("finance", task.TaskKey);
        Page("task-acknowledge", await tasks.AcknowledgePageAsync(Tokens.Issue(ReminderLinks.AcknowledgePurpose, subject)));
        Page("task-done", await tasks.DonePageAsync(Tokens.Issue(ReminderLinks.DonePurpose, subject)));
        Page("task-acknowledged", await tasks.AcknowledgeAsync(Tokens.Issue(ReminderLinks.AcknowledgePurpose, subject)));
        Page("task-completed", await tasks.DoneAsync(Tokens.Issue(ReminderLinks.DonePurpose, subject), "已拨付"));
        Page("task-refused", await tasks.DonePageAsync("forged"));
        Page("calendar-unknown-department", await tasks.CalendarAsync("nowhere", Tokens.Issue(ReminderLinks.CalendarPurpose, "nowhere")));

        // Admin actions: refused without a form, refused with a foreign token, done with the page's own.
        var actions = new AdminActionHandlers(Jobs.AdminActions(_storage, _clock), Tokens, SiteSettings.Local);
        Page("admin-action-no-form", await actions.SettleReviewAsync(AdminRequest(null), default));
        Page("admin-action-foreign", await actions.SettleReviewAsync(AdminRequest("csrf=forged&key=x"), default));
        var review = (await Jobs.Deadlines(_storage).ReviewListAsync())[0].LimitKey;
        var own = AdminCaller.Of(AdminRequest(null)).FormToken(Tokens);
        Page("admin-action-done", await actions.SettleReviewAsync(AdminRequest($"csrf={Uri.EscapeDataString(own)}&key={Uri.EscapeDataString(review)}&dismiss=1&note=%3Cb%3E"), default));

        // The dashboard with every section filled: a delivery run, a poisoned batch, an audit record.
        await Scenario.SubscribeAsync(_storage, _clock, "reader@example.com", Scenario.Keywords("居住证"));
        await Jobs.Alerts(_storage, Outbox(), Tokens, SiteSettings.Local, _clock).RunAsync();
        var batches = new EmailBatches(_storage);
        await batches.EnqueueAsync(new EmailBatch("run-7", "聊城市人民政府公报：1 份新文件 <x>", "<p>x</p>", "x", new Dictionary<string, string>(),
            [new BatchRecipient("reader@example.com", "k1", "run-7-k1", new RecipientLinks("", "", ""))]));
        var queue = _storage.Queue(_storage.Names.EmailBatches);
        var message = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        var poisoned = new PoisonedBatches(_storage, batches, new DeliveryLedger(_storage, _clock), _clock);
        await poisoned.RecordAsync(message.MessageText, "poison-1", 5);

        var pages = Jobs.AdminPages(_storage, poisoned, Tokens, SiteSettings.Local, _clock);
        var caller = new AdminCaller("王<管理员>（0000-oid）", "entra:0000-oid");
        Page("admin-dashboard", await pages.DashboardAsync(caller));
        Page("admin-issue", await pages.IssueAsync("2022-06"));
        Page("admin-issue-missing", await pages.IssueAsync("1999-01"));

        // The public archive: a document with tasks, its issue, and an unknown key.
        var archive = new ArchiveHandlers(new ArchiveQueries(_storage), SiteSettings.Local);
        Page("document", await archive.DocumentAsync("2022-06", "01"));
        Page("issue", await archive.IssueAsync("2022-06"));
        Page("document-missing", await archive.DocumentAsync("2022-06", "99"));
        AssertSame();
    }

    /// <summary>A POST to an admin action as a browser sends it from the admin page (a signed-in admin), with this form body, or none.</summary>
    private static HttpRequest AdminRequest(string? form)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        new AdminCaller("本地管理员（会话 abcd1234）", "session:abcd1234").AttachTo(request);
        request.Host = new HostString("127.0.0.1:7071");
        if (form is not null)
        {
            var body = Encoding.UTF8.GetBytes(form);
            request.ContentType = "application/x-www-form-urlencoded";
            request.ContentLength = body.Length;
            request.Body = new MemoryStream(body);
        }

        return request;
    }
}
