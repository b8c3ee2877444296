using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Reminders;

/// <summary>The admin's side of reminders: `gazette remind`, `departments`, `deadlines review|settle`, `tasks`.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReminderCliTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-remind-cli-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private (int Code, string Out, string Err) Gazette(params string[] args) => CliHarness.Run(_storage, _outbox, args);

    [Fact]
    public async Task Remind_shows_a_day_for_every_county_through_the_group_and_a_dry_run_sends_nothing()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);

        var (code, output, _) = Gazette("remind", "--now", "2019-08-24", "--dry-run");

        Assert.Equal(0, code);
        foreach (var county in new[] { "dongchangfu", "chiping", "linqing", "yanggu", "shenxian", "donge", "guanxian", "gaotang", "high-tech-zone" })
        {
            Assert.Contains($"({county}): ", output);
        }

        Assert.Contains("2019-08-31 还有 7 天", output);
        Assert.Contains("配合  2019年8月底  聊政发〔2019〕12号 item 1", output);
        Assert.Contains("unreached: 市直有关部门 (not a recipient)", output);
        Assert.EndsWith("dry run, nothing sent" + Environment.NewLine, output);
        Assert.Empty(Directory.GetFiles(_outbox));
    }

    [Fact]
    public async Task Setting_an_address_makes_remind_send_to_it_and_only_once_that_day()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);

        Assert.Equal(1, Gazette("departments", "set-email", "东昌府区政府", "not-an-address").Code);
        Assert.Equal(1, Gazette("departments", "set-email", "市宇宙开发局", "a@example.com").Code);
        var set = Gazette("departments", "set-email", "东昌府区人民政府", "Office@DCF.example.gov.cn");
        Assert.Equal(0, set.Code);
        Assert.Contains("dongchangfu", Gazette("departments", "list").Out.Split('\n').Single(l => l.Contains("office@dcf.example.gov.cn", StringComparison.Ordinal)));

        var sent = Gazette("remind", "--now", "2019-08-24");
        Assert.Equal(0, sent.Code);
        Assert.Contains("1 sent", sent.Out);
        var mail = MimeMessage.Load(Assert.Single(Directory.GetFiles(_outbox, "*.eml")));
        Assert.Equal("office@dcf.example.gov.cn", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("聊城市人民政府公报：东昌府区人民政府有 ", mail.Subject, StringComparison.Ordinal);

        Gazette("remind", "--now", "2019-08-24");
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        Assert.Equal(1, Gazette("remind", "--now", "yesterday").Code);
    }

    [Fact]
    public async Task Remind_composes_as_the_hosts_do_its_mail_links_to_the_configured_site_and_a_refused_setting_is_one_line()
    {
        // `gazette remind` against Azure: the same composition as the hosts (AddGazetteNotify), so the task links go
        // to PublicBaseUrl, the mail comes from Mail:From and the reminder offsets are the configured ones.
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);
        Assert.Equal(0, Gazette("departments", "set-email", "东昌府区人民政府", "office@dcf.example.gov.cn").Code);
        var settings = new Dictionary<string, string?>
        {
            ["PublicBaseUrl"] = "https://gazette.liaocheng.example.gov.cn",
            ["Mail:From"] = "reminders@liaocheng.example.gov.cn",
            ["GazetteName"] = "聊城市人民政府公报（测试）",
        };

        var (code, output, _) = CliHarness.Run(_storage, _outbox, settings, "remind", "--now", "2019-08-24");

        Assert.Equal(0, code);
        Assert.Contains("1 sent", output);
        var mail = MimeMessage.Load(Assert.Single(Directory.GetFiles(_outbox, "*.eml")));
        Assert.Equal("reminders@liaocheng.example.gov.cn", mail.From.Mailboxes.Single().Address);
        Assert.StartsWith("聊城市人民政府公报（测试）：", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("https://gazette.liaocheng.example.gov.cn/", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", mail.HtmlBody + mail.TextBody, StringComparison.Ordinal);

        var refused = CliHarness.Run(_storage, _outbox, new Dictionary<string, string?> { ["Mail:Transport"] = "sendgrid" }, "remind", "--now", "2019-08-25");
        Assert.Equal(2, refused.Code);
        Assert.Equal("gazette: SendGrid:ApiKey is not set: the SendGrid transport needs an API key (a Key Vault reference in Azure)", refused.Err.Trim());
    }

    [Fact]
    public async Task Unmapped_units_are_listed_with_the_documents_that_name_them()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var (code, output, _) = Gazette("departments", "unmapped");

        Assert.Equal(0, code);
        Assert.Contains("市政府有关部门  (not a recipient)  named in 2022-06 聊政办字〔2022〕23号", output);
        Assert.Contains(" units reach no department", output);
    }

    [Fact]
    public async Task Limits_in_review_are_listed_and_settled_by_the_admin()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var review = Gazette("deadlines", "review").Out;
        Assert.Contains("2022-06|01|002|1  3个工作日内  聊政发〔2022〕6号 item 2: counted from an event the text does not name", review);
        Assert.Contains("counted from the signing date: 2022-06-09", review);
        Assert.Contains("5 limits wait for review", review);

        Assert.Equal(1, Gazette("deadlines", "settle", "2022-06|01|002|1").Code); // neither --date nor --dismiss
        Assert.Equal(1, Gazette("deadlines", "settle", "2022-06|09|009|9", "--dismiss").Code);
        Assert.Equal(0, Gazette("deadlines", "settle", "2022-06|01|002|1", "--date", "2022-07-15", "--note", "市财政局确认").Code);
        Assert.Equal(0, Gazette("deadlines", "settle", "2022-06|01|002|2", "--dismiss").Code);

        Assert.Contains("3 limits wait for review", Gazette("deadlines", "review").Out);
        var listed = Gazette("deadlines", "--from", "2022-07-15", "--to", "2022-07-15").Out;
        Assert.Contains("2022-07-15  3个工作日内  2022-06 聊政发〔2022〕6号 item 2", listed);
        // Settled, it reminds like any other limit.
        Assert.Contains("2022-07-15 还有 7 天", Gazette("remind", "--now", "2022-07-08", "--dry-run").Out);
    }

    [Fact]
    public async Task Tasks_show_where_each_stands()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var states = new GazetteNotify.Reminders.TaskStates(_storage);
        await states.SetAsync("2022-06|01|016", GazetteNotify.Documents.TaskState.Done, "finance", "已完成", _clock.GetUtcNow());
        // Item 16 names more lead units than finance: its part done, the task is not (docs/adr/0044) until every lead's is.
        var task = (await states.GetAsync("2022-06|01|016"))!;
        var leads = GazetteNotify.Reminders.TaskParts.Completers(task.Lead, task.Support, (await new GazetteNotify.Departments.DepartmentStore(_storage).LoadAsync()).Resolve)!;
        Assert.True(leads.Count > 1, string.Join(",", leads.Select(d => d.Id)));
        var part = Gazette("tasks", "--state", "acknowledged").Out;
        Assert.Contains("2022-06|01|016", part);
        Assert.Contains("    finance done 2022-06-10 08:00  note: 已完成", part);
        foreach (var lead in leads.Where(d => d.Id != "finance")) await states.SetAsync("2022-06|01|016", GazetteNotify.Documents.TaskState.Done, lead.Id, null, _clock.GetUtcNow());

        var done = Gazette("tasks", "--state", "done").Out;
        Assert.Contains("2022-06|01|016", done);
        Assert.Contains("note: 已完成", done);
        Assert.Contains("1 tasks", done);
        Assert.DoesNotContain("2022-06|01|016", Gazette("tasks", "--state", "open").Out);

        // Overdue is judged as at --now, as `remind --now` judges it: in June 2022 no limit of the issue has passed; by 2023 the dated ones have.
        var early = Gazette("tasks", "--state", "overdue", "--now", "2022-06-20").Out;
        var late = Gazette("tasks", "--state", "overdue", "--now", "2023-01-10").Out;
        Assert.Equal("0 tasks\n", early);
        Assert.Contains(" overdue ", late);
        Assert.DoesNotContain("2022-06|01|016", late); // done is never overdue
        Assert.Equal(1, Gazette("tasks", "--now", "yesterday").Code);
    }
}
