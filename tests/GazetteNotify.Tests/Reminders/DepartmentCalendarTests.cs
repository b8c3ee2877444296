using GazetteNotify.Documents;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Reminders;

/// <summary>The .ics feed per department: parses back, holds that department's limits, stable UIDs, forged tokens refused.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DepartmentCalendarTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 20, 0, 0, 0, TimeSpan.Zero));

    private LinkTokens Tokens => new(Scenario.LinkSecret, _clock);

    private TaskHandlers Handlers() => Jobs.TaskHandlers(_storage, Tokens, SiteSettings.Local, _clock);

    private string TokenFor(string departmentId) => new ReminderLinks(Tokens, SiteSettings.Local).CalendarToken(departmentId);

    private static List<CalendarEvent> Events(PageResult feed) => Ical.Net.Calendar.Load(feed.Html)!.Events.ToList();

    [Fact]
    public async Task A_departments_calendar_has_one_all_day_event_per_limit_with_stable_uids()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var feed = await Handlers().CalendarAsync("finance", TokenFor("finance"));

        Assert.Equal(200, feed.Status);
        Assert.Equal(TaskHandlers.CalendarContentType, feed.ContentType);
        var events = Events(feed);
        var item2 = Assert.Single(events, e => e.Summary == "6月底前：聊政发〔2022〕6号 第2项");
        Assert.Equal(new DateOnly(2022, 6, 30), DateOnly.FromDateTime(item2.DtStart!.Value));
        Assert.False(item2.DtStart.HasTime); // all-day
        Assert.Contains("角色：责任单位", item2.Description);
        Assert.Contains("依法加快涉企资金兑付进度", item2.Description);
        Assert.Contains(events, e => e.Summary!.StartsWith("6 月底前：聊政发〔2022〕6号 第16项", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Summary!.Contains("工作日", StringComparison.Ordinal)); // review items are not on the calendar

        // Fetched again, the same events carry the same UIDs: clients update instead of duplicating.
        var again = Events(await Handlers().CalendarAsync("finance", TokenFor("finance")));
        Assert.Equal(events.Select(e => e.Uid).Order(), again.Select(e => e.Uid).Order());
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());

        // Another department's calendar holds its own limits, not finance's.
        var tax = Events(await Handlers().CalendarAsync("tax", TokenFor("tax")));
        Assert.DoesNotContain(tax, e => e.Summary == "6月底前：聊政发〔2022〕6号 第2项");
    }

    [Fact]
    public async Task Forged_altered_or_borrowed_calendar_tokens_are_refused()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();

        Assert.Equal(400, (await handlers.CalendarAsync("finance", TokenFor("tax"))).Status); // another department's token
        Assert.Equal(400, (await handlers.CalendarAsync("finance", TokenFor("finance")[..^2] + "xx")).Status);
        Assert.Equal(400, (await handlers.CalendarAsync("finance", null)).Status);
        var foreign = new LinkTokens("another-secret-that-is-long-enough-32b", _clock).Issue(ReminderLinks.CalendarPurpose, "finance", null);
        Assert.Equal(400, (await handlers.CalendarAsync("finance", foreign)).Status);
        var manage = Tokens.Issue(SubscriptionHandlers.Manage, "finance", null); // a token for another purpose
        Assert.Equal(400, (await handlers.CalendarAsync("finance", manage)).Status);
        Assert.Equal(404, (await handlers.CalendarAsync("gone", TokenFor("gone"))).Status);
    }

    [Fact]
    public async Task Task_links_refuse_forgeries_and_done_is_final()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var handlers = Handlers();
        var subject = ReminderLinks.Subject("finance", "2022-06|01|002");
        var ack = Tokens.Issue(ReminderLinks.AcknowledgePurpose, subject, null);
        var done = Tokens.Issue(ReminderLinks.DonePurpose, subject, null);

        Assert.Equal(400, (await handlers.DoneAsync(ack, null)).Status); // an acknowledge link cannot mark done
        Assert.Equal(400, (await handlers.AcknowledgeAsync(done[..^3] + "abc")).Status);
        Assert.Equal(400, (await handlers.DonePageAsync(Tokens.Issue(ReminderLinks.DonePurpose, ReminderLinks.Subject("finance", "2022-06|99|999"), null))).Status);
        var states = new TaskStates(_storage);
        async Task<TaskState> Finance() => (await states.ProgressAsync("2022-06|01|002"))!.Of("finance");
        Assert.Equal(TaskState.Open, await Finance());

        Assert.Equal(200, (await handlers.AcknowledgeAsync(ack)).Status);
        Assert.Equal(TaskState.Acknowledged, await Finance());
        var page = await handlers.DoneAsync(done, "<b>已拨付</b>");
        Assert.Contains("已完成", page.Html);
        Assert.Equal(200, (await handlers.AcknowledgeAsync(ack)).Status); // replayed: stays done
        var part = (await states.ProgressAsync("2022-06|01|002"))!.Units["finance"]; // the finance bureau's own part (docs/adr/0044)
        Assert.Equal((TaskState.Done, "<b>已拨付</b>"), (part.State, part.Note));
    }
}
