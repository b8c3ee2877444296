using BenchmarkDotNet.Attributes;
using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Subscriptions;
using GazetteNotify.Topics;
using GazetteNotify.Web;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Site;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Rendering one mail or page: a digest of the three samples' documents for a broad subscriber (HTML and text), a
/// department's reminder of ten tasks (links signed as the job signs them), the subscription form page, and the
/// confirmation mail.
/// Run: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*Render*'
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private const string Gazette = "聊城市人民政府公报";
    private static readonly RecipientLinks Links = new("https://gazette.example.org/manage?token=m", "https://gazette.example.org/unsubscribe?token=u", "https://gazette.example.org/api/unsubscribe?token=o");
    private Digest _digest = null!;
    private DepartmentReminder _reminder = null!;
    private ReminderLinks _reminderLinks = null!;
    private SubscriptionHandlers _handlers = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var documents = new List<AlertDocument>();
        foreach (var sample in new[] { "liaocheng-2018-07.txt", "liaocheng-2019-08.txt", "liaocheng-2022-06.txt" })
        {
            var parsed = GazetteParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", sample)));
            var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
            documents.AddRange(issue.Documents.Select((d, i) => new AlertDocument(sample, sample, d, parsed.DocumentTexts[i])));
        }

        var reader = new Subscription(EmailAddress.Parse("reader@example.com"), SubscriptionStatus.Active,
            new Preferences(TopicTaxonomy.Default.Topics.Select(t => t.Id).Take(4).ToList(), ["居住证", "医保"], [], [], DigestFrequency.EachIssue), DateTimeOffset.UnixEpoch);
        var deadlines = documents.Take(3).Select((d, i) => new AlertDeadline(new DateOnly(2022, 7, 10 + i), "7月中旬前", d, ["市财政局"])).ToList();
        _digest = DigestPlanner.Plan([reader], documents, deadlines, new DateOnly(2022, 7, 1)).Single();

        var department = new Department("finance", "市财政局", [], ["caizheng@lc.example.gov.cn"]);
        _reminder = new DepartmentReminder(department, Enumerable.Range(1, 10).Select(i =>
        {
            var task = new ReminderTask($"2022-06|1|{i}|1", $"2022-06|1|{i}", "聊政发〔2022〕6号", "关于印发《聊城市稳住经济运行若干措施》的通知", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "依法加快涉企资金兑付进度，完善工作机制，按期完成各项任务。", ["市财政局"], [], "6月底前", DeadlineKind.Deadline, new DateOnly(2022, 6, 30), "as written");
            return new ReminderItem(task, TaskRole.Lead, new DateOnly(2022, 6, 30), i % 3 == 0 ? "overdue" : "7", i % 3 == 0 ? -2 : 7);
        }).ToList());
        _reminderLinks = new ReminderLinks(new LinkTokens("a-benchmark-secret-that-is-long-enough", TimeProvider.System), SiteSettings.Local);
        _handlers = new SubscriptionHandlers(null!, new LinkTokens("a-benchmark-secret-that-is-long-enough", TimeProvider.System), null!, SiteSettings.Local, TimeProvider.System);
    }

    [Benchmark]
    public RenderedMail Digest() => DigestRenderer.Render(_digest, Links, Gazette);

    [Benchmark]
    public RenderedMail Reminder() => ReminderRenderer.Render(_reminder, _reminderLinks, Gazette);

    [Benchmark]
    public PageResult SubscribePage() => _handlers.Form();

    [Benchmark]
    public RenderedMail Confirmation() => SubscriptionMails.Confirmation(_digest.Recipient.Value, Gazette, "https://gazette.example.org/confirm?token=c", 7);
}
