using GazetteNotify.Departments;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Documents;

namespace GazetteNotify.Tests.Reminders;

/// <summary>Who hears of which limit on which day: offsets, catching up, overdue once, targets, repeats, roles, groups.</summary>
public class ReminderPlannerTests
{
    private static readonly DateOnly Due = new(2022, 6, 30);
    private static readonly DepartmentDirectory Directory = DepartmentDirectory.Default;

    private static ReminderTask Task(string key = "2022-06|01|002|1", DateOnly? due = null, DeadlineKind kind = DeadlineKind.Deadline, string[]? lead = null, string[]? support = null, TaskState state = TaskState.Open) =>
        new(key, key[..key.LastIndexOf('|')], "聊政发〔2022〕6号", "关于稳住经济运行的若干意见", "2", "依法加快涉企资金兑付进度。", lead ?? ["市财政局"], support ?? [], "6月底前", kind, due ?? Due, "as written", state);

    private static ReminderPlan Plan(DateOnly today, params ReminderTask[] tasks) => Plan(today, new HashSet<string>(), tasks);

    private static ReminderPlan Plan(DateOnly today, HashSet<string> reminded, params ReminderTask[] tasks) =>
        ReminderPlanner.Plan(today, tasks, Directory, ReminderSettings.Default, reminded);

    private static List<(string Department, string Milestone)> Lines(ReminderPlan plan) =>
        plan.Reminders.SelectMany(r => r.Items.Select(i => (r.Department.Id, i.Milestone))).ToList();

    [Theory]
    [InlineData("2022-05-31", "30")]
    [InlineData("2022-06-23", "7")]
    [InlineData("2022-06-29", "1")]
    [InlineData("2022-06-30", "0")]
    [InlineData("2022-07-01", "overdue")]
    public void A_limit_comes_up_30_7_and_1_days_before_on_the_day_and_once_overdue(string day, string milestone)
    {
        var plan = Plan(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Task());
        Assert.Equal([("finance", milestone)], Lines(plan));
    }

    [Fact]
    public void Before_the_first_offset_nothing_is_due_and_a_reminded_milestone_is_not_repeated()
    {
        Assert.Empty(Plan(new DateOnly(2022, 5, 30), Task()).Reminders);

        var reminded = new HashSet<string> { "finance|2022-06|01|002|1|30" };
        Assert.Empty(Plan(new DateOnly(2022, 6, 10), reminded, Task()).Reminders); // between 30 and 7: already told
        Assert.Equal([("finance", "7")], Lines(Plan(new DateOnly(2022, 6, 24), reminded, Task())));
    }

    [Fact]
    public void A_missed_day_is_caught_up_by_the_latest_milestone_only()
    {
        // The 30- and 7-day days passed unseen (an outage, a late upload): one line, the 7-day one.
        var plan = Plan(new DateOnly(2022, 6, 25), Task());
        Assert.Equal([("finance", "7")], Lines(plan));
        Assert.Equal(5, plan.Reminders[0].Items[0].DaysLeft);
    }

    [Fact]
    public void Overdue_is_reported_within_the_window_only_and_done_tasks_never()
    {
        Assert.Equal("overdue", Lines(Plan(new DateOnly(2022, 7, 30), Task())).Single().Milestone);
        Assert.Empty(Plan(new DateOnly(2022, 8, 1), Task()).Reminders); // 32 days late: history, not a reminder
        Assert.Empty(Plan(new DateOnly(2022, 6, 23), Task(state: TaskState.Done)).Reminders);
        Assert.Single(Plan(new DateOnly(2022, 6, 23), Task(state: TaskState.Acknowledged)).Reminders); // seen is not done
    }

    [Fact]
    public void A_target_year_reminds_only_at_the_earliest_offset()
    {
        var target = Task(due: new DateOnly(2025, 12, 31), kind: DeadlineKind.Target);
        Assert.Equal([("finance", "30")], Lines(Plan(new DateOnly(2025, 12, 1), target)));
        Assert.Empty(Plan(new DateOnly(2025, 11, 30), target).Reminders);
        Assert.Equal([("finance", "30")], Lines(Plan(new DateOnly(2025, 12, 24), target))); // not a 7-day line
        Assert.Empty(Plan(new DateOnly(2026, 1, 2), target).Reminders); // and never overdue
    }

    [Fact]
    public void A_repeating_limit_comes_up_before_each_occurrence_at_offsets_shorter_than_its_period()
    {
        var monthly = Task(due: null, kind: DeadlineKind.Recurring) with { Recurrence = new RecurrenceRule(RecurrencePeriod.Monthly, null, 10) /* 每月10日前 */, SignedOn = new DateOnly(2022, 6, 6), Date = null };
        Assert.Empty(Plan(new DateOnly(2022, 6, 20), monthly).Reminders); // next is 07-10: 20 days, no 30-day line for a monthly limit
        var line = Plan(new DateOnly(2022, 7, 3), monthly).Reminders.Single().Items.Single();
        Assert.Equal((new DateOnly(2022, 7, 10), "2022-07-10:7"), (line.Due, line.Milestone));
        Assert.Equal("2022-08-10:7", Plan(new DateOnly(2022, 8, 3), monthly).Reminders.Single().Items.Single().Milestone);

        var expired = monthly with { ValidUntil = new DateOnly(2022, 7, 31) };
        Assert.Empty(Plan(new DateOnly(2022, 8, 3), expired).Reminders);
    }

    [Fact]
    public void Roles_follow_the_clause_and_a_department_named_twice_leads()
    {
        var split = Task(lead: ["市公安局"], support: ["市财政局", "市税务局", "市公安局"]);
        var plan = Plan(new DateOnly(2022, 6, 23), split);

        var roles = plan.Reminders.ToDictionary(r => r.Department.Id, r => r.Items.Single().Role);
        Assert.Equal(TaskRole.Lead, roles[Directory.Resolve("市公安局").Departments.Single().Id]);
        Assert.Equal(TaskRole.Support, roles["finance"]);
        Assert.Equal(TaskRole.Responsible, Plan(new DateOnly(2022, 6, 23), Task(lead: ["市财政局", "市税务局"])).Reminders[0].Items.Single().Role);
    }

    [Fact]
    public void Groups_reach_every_member_and_collective_or_unknown_names_are_reported_not_guessed()
    {
        var plan = Plan(new DateOnly(2022, 6, 23), Task(lead: ["各县（市、区）人民政府", "市政府有关部门", "市宇宙开发局"]));

        Assert.Equal(8, plan.Reminders.Count);
        Assert.Contains(plan.Reminders, r => r.Department.Name == "东昌府区人民政府");
        Assert.Equal(["市宇宙开发局", "市政府有关部门"], plan.Unreached.Select(u => u.Unit).Order(StringComparer.Ordinal));
        Assert.Contains(plan.Unreached, u => u.Kind == ResolutionKind.NotRecipient);
    }

    [Fact]
    public void One_department_gets_one_reminder_listing_all_its_lines_in_date_order()
    {
        var plan = Plan(new DateOnly(2022, 6, 23),
            Task("2022-06|01|016|1", due: new DateOnly(2022, 6, 30)),
            Task("2022-06|01|002|1", due: new DateOnly(2022, 6, 24)),
            Task("2022-06|01|003|1", due: new DateOnly(2022, 7, 20), lead: ["聊城市财政局"]));

        var finance = Assert.Single(plan.Reminders);
        Assert.Equal(["2022-06|01|002|1", "2022-06|01|016|1", "2022-06|01|003|1"], finance.Items.Select(i => i.Task.Key));
        Assert.Equal(["1", "7", "30"], finance.Items.Select(i => i.Milestone));
    }
}
