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
}
