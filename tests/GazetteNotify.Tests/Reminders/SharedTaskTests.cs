using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Reminders;

/// <summary>
/// A task shared by several departments (issue 21, finding 2): each department acknowledges and completes its own part;
/// one department's 标记为已完成 neither silences the others nor shows them 已完成. On Azurite, with the reminders job and
/// the task links as the hosts compose them.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SharedTaskTests : IDisposable
{
    private const string TaskKey = SharedTask.Key;
    private static readonly string[] FiveLeads = SharedTask.FiveLeads;

    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(At(2022, 6, 20));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-shared-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 8, 0, 0, TimeSpan.FromHours(8));

    private LinkTokens Tokens => new(Scenario.LinkSecret, _clock);

    private SendDeadlineReminders Job() =>
        Jobs.Reminders(_storage, new OutboxTransport(_outbox, new MailboxAddress("提醒", "reminders@gazette.local")), Tokens, SiteSettings.Local, ReminderSettings.Default, _clock);

    private TaskHandlers Handlers() => Jobs.TaskHandlers(_storage, Tokens, SiteSettings.Local, _clock);

    private string Done(string departmentId) => Tokens.Issue(ReminderLinks.DonePurpose, ReminderLinks.Subject(departmentId, TaskKey), null);

    private string Acknowledge(string departmentId) => Tokens.Issue(ReminderLinks.AcknowledgePurpose, ReminderLinks.Subject(departmentId, TaskKey), null);

    private static List<string> Reminded(ReminderRun run) => run.Plan.Reminders.Select(r => r.Department.Id).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task One_lead_unit_completing_a_shared_task_leaves_the_other_four_reminded_and_their_links_not_done()
    {
        await SharedTask.SeedAsync(_storage, FiveLeads);
        var first = await Job().RunAsync();
        Assert.Equal(FiveLeads.Order(StringComparer.Ordinal), Reminded(first));

        // The finance bureau marks its part done from its own link.
        Assert.Equal(200, (await Handlers().DoneAsync(Done("finance"), "本单位部分已完成。")).Status);

        // The next milestone (7 days before): the four others are reminded still, finance is not.
        _clock.SetUtcNow(At(2022, 6, 23));
        var next = await Job().RunAsync();
        Assert.Equal(FiveLeads.Where(d => d != "finance").Order(StringComparer.Ordinal), Reminded(next));

        // Their links say their own part is not done, and offer the button; finance's says done.
        foreach (var other in FiveLeads.Where(d => d != "finance"))
        {
            var page = await Handlers().DonePageAsync(Done(other));
            Assert.Contains("当前状态：待办", page.Html);
            Assert.Contains("标记为已完成</button>", page.Html);
        }

        Assert.Contains("当前状态：已完成", (await Handlers().DonePageAsync(Done("finance"))).Html);
    }

    [Fact]
    public async Task Each_department_acknowledges_and_completes_its_own_part_and_a_repeated_post_changes_nothing()
    {
        await SharedTask.SeedAsync(_storage, FiveLeads);
        var states = new TaskStates(_storage);
        async Task<TaskProgress> Progress() => (await states.ProgressAsync(TaskKey))!;

        Assert.Equal(200, (await Handlers().AcknowledgeAsync(Acknowledge("finance"))).Status);
        Assert.Equal((TaskState.Acknowledged, TaskState.Open), ((await Progress()).Of("finance"), (await Progress()).Of("natural-resources")));

        var first = await Handlers().DoneAsync(Done("finance"), "第一次提交");
        Assert.Contains("本单位的任务状态：已完成", first.Html);
        Assert.Contains("牵头单位已完成 1/5", first.Html);
        var at = (await Progress()).Units["finance"].At;

        // The same POST again (an at-least-once client, a double click, a later clock): nothing changes.
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(200, (await Handlers().DoneAsync(Done("finance"), "第二次提交")).Status);
        Assert.Equal(200, (await Handlers().AcknowledgeAsync(Acknowledge("finance"))).Status); // an older link: done stays done
        var finance = (await Progress()).Units["finance"];
        Assert.Equal((TaskState.Done, "第一次提交", at), (finance.State, finance.Note, finance.At));
        Assert.Equal(TaskState.Open, (await Progress()).Of("natural-resources"));
        Assert.Equal(TaskState.Open, (await states.GetAsync(TaskKey))!.State); // the per-task column is no longer written
    }

    [Fact]
    public async Task The_task_is_done_when_every_lead_department_is_done_and_then_nobody_is_reminded()
    {
        await SharedTask.SeedAsync(_storage, ["finance", "natural-resources"], ["civil-affairs"]);
        Assert.Equal(["civil-affairs", "finance", "natural-resources"], Reminded(await Job().RunAsync()));

        await Handlers().DoneAsync(Done("finance"), null);
        Assert.Contains("牵头单位已完成 1/2", (await Handlers().DonePageAsync(Done("natural-resources"))).Html);
        var last = await Handlers().DoneAsync(Done("natural-resources"), null);
        Assert.Contains("全部牵头单位均已完成，此任务已完成。", last.Html);

        // The support unit did nothing, yet the task is done: it is reminded no more either.
        _clock.SetUtcNow(At(2022, 6, 23));
        Assert.Empty(Reminded(await Job().RunAsync()));
        var support = await Handlers().DonePageAsync(Done("civil-affairs"));
        Assert.Contains("当前状态：待办", support.Html);
        Assert.Contains("全部牵头单位均已完成，此任务已完成。", support.Html);
    }

    [Fact]
    public async Task A_support_unit_completes_its_own_part_and_is_reminded_no_more_but_the_task_waits_for_its_lead()
    {
        await SharedTask.SeedAsync(_storage, ["finance"], ["civil-affairs", "natural-resources"]);
        await Job().RunAsync();

        var page = await Handlers().DoneAsync(Done("civil-affairs"), "已配合提供数据。");
        Assert.Contains("此任务不会再提醒本单位", page.Html);
        Assert.Contains("任务在牵头单位全部完成后才算完成", page.Html);
        Assert.Contains("牵头单位已完成 0/1", page.Html);

        _clock.SetUtcNow(At(2022, 6, 23));
        Assert.Equal(["finance", "natural-resources"], Reminded(await Job().RunAsync()));
        Assert.Contains("当前状态：待办", (await Handlers().DonePageAsync(Done("finance"))).Html);
    }

    [Fact]
    public async Task A_task_marked_done_before_per_unit_state_stays_done_for_every_unit()
    {
        await SharedTask.SeedAsync(_storage, FiveLeads);
        // As the per-task state was written before: the Tasks row's State, StateBy, StateAt, Note.
        await _storage.Table(_storage.Names.TasksTable).UpdateEntityAsync(new Azure.Data.Tables.TableEntity("2022-06", "01|001")
            { ["State"] = "done", ["StateBy"] = "finance", ["StateAt"] = At(2022, 6, 1), ["Note"] = "旧版记录" }, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge);

        Assert.Empty(Reminded(await Job().RunAsync()));
        Assert.Contains("当前状态：已完成", (await Handlers().DonePageAsync(Done("education-sports"))).Html);
        var progress = (await new TaskStates(_storage).ProgressAsync(TaskKey))!;
        Assert.All(FiveLeads, id => Assert.Equal(TaskState.Done, progress.Of(id)));
    }

    [Fact]
    public async Task A_reingest_keeps_each_departments_part_and_the_state_stored_per_task_before()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var states = new TaskStates(_storage);
        await states.SetAsync("2022-06|01|002", TaskState.Done, "finance", "本单位已完成", _clock.GetUtcNow());
        await _storage.Table(_storage.Names.TasksTable).UpdateEntityAsync(new Azure.Data.Tables.TableEntity("2022-06", "01|016")
            { ["State"] = "done", ["StateBy"] = "finance", ["StateAt"] = At(2022, 6, 1), ["Note"] = "旧版记录" }, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge);

        await new GazetteNotify.Ingestion.IngestIssue(_storage, _clock).ReingestAsync(Samples.Issue2022_06);

        Assert.Equal(TaskState.Done, (await states.ProgressAsync("2022-06|01|002"))!.Of("finance"));
        var before = (await _storage.Table(_storage.Names.TasksTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("2022-06", "01|016")).Value;
        Assert.Equal(("done", "finance", "旧版记录"), (before.GetString("State"), before.GetString("StateBy"), before.GetString("Note")));
    }

    [Fact]
    public async Task The_admin_issue_page_shows_each_departments_part_who_when_and_note()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await SharedTask.SeedAsync(_storage, FiveLeads.Take(2).ToArray(), ["civil-affairs"]);
        await Handlers().DoneAsync(Done("finance"), "<b>已拨付</b>");
        await Handlers().AcknowledgeAsync(Acknowledge("civil-affairs"));

        var pages = Jobs.AdminPages(_storage, new PoisonedBatches(_storage, new EmailBatches(_storage), new DeliveryLedger(_storage, _clock), _clock), Tokens, SiteSettings.Local, _clock);
        var html = (await pages.IssueAsync("2022-06")).Html;
        var row = html[html.IndexOf("<td>01|001</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<strong>已收到</strong>", row); // as a whole: a part moved, not every lead is done
        Assert.Contains("市财政局（牵头）：已完成 · 2022-06-20 08:00 · 备注：&lt;b&gt;已拨付&lt;/b&gt;", row);
        Assert.Contains("市自然资源和规划局（牵头）：待办", row);
        Assert.Contains("市民政局（配合）：已收到 · 2022-06-20 08:00", row);
    }

    [Fact]
    public async Task Presses_at_the_same_moment_record_each_department_once()
    {
        await SharedTask.SeedAsync(_storage, FiveLeads);
        // Every lead at once, and finance's two addresses pressing twice each: no part lost, finance's recorded once.
        var presses = FiveLeads.Select(id => Handlers().DoneAsync(Done(id), id))
            .Concat(Enumerable.Range(0, 4).Select(n => Handlers().DoneAsync(Done("finance"), "finance")));
        Assert.All(await Task.WhenAll(presses), page => Assert.Equal(200, page.Status));

        var progress = (await new TaskStates(_storage).ProgressAsync(TaskKey))!;
        Assert.Equal(FiveLeads.Order(StringComparer.Ordinal), progress.Units.Keys.Order(StringComparer.Ordinal));
        Assert.All(progress.Units.Values, u => Assert.Equal((TaskState.Done, u.DepartmentId), (u.State, u.Note)));
        Assert.Empty(Reminded(await Job().RunAsync())); // every lead done: the task is done
    }
}
