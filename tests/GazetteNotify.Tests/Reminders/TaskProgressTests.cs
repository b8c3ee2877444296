using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;

namespace GazetteNotify.Tests.Reminders;

/// <summary>
/// Each department's part of a task (docs/adr/0044), pure: whose completion completes a task, what a support unit's
/// completion means, a task with no lead, an unmapped lead, and state stored per task before the change.
/// </summary>
public class TaskProgressTests
{
    private static readonly DepartmentDirectory Directory = DepartmentDirectory.Default;
    private static readonly DateTimeOffset At = new(2022, 6, 20, 8, 0, 0, TimeSpan.FromHours(8));

    private static string Name(string id) => Directory.Find(id)!.Name;

    private static UnitProgress Part(string id, TaskState state, string? note = null) => new(id, state, At, note);

    private static IReadOnlyList<Department>? Completers(string[] lead, string[] support) => TaskParts.Completers(lead, support, Directory.Resolve);

    [Fact]
    public void A_task_is_done_only_when_every_lead_department_has_completed_its_part()
    {
        string[] lead = [Name("finance"), Name("tax"), Name("natural-resources")];
        var leads = Completers(lead, [Name("civil-affairs")]);
        Assert.Equal(["finance", "tax", "natural-resources"], leads!.Select(d => d.Id));

        var two = new TaskProgress(null, [Part("finance", TaskState.Done), Part("tax", TaskState.Done), Part("natural-resources", TaskState.Acknowledged)]);
        Assert.False(two.IsDone(leads));
        Assert.Equal(TaskState.Acknowledged, two.Overall(leads));
        Assert.Equal((TaskState.Done, TaskState.Acknowledged, TaskState.Open), (two.Of("finance"), two.Of("natural-resources"), two.Of("civil-affairs")));

        var all = new TaskProgress(null, [.. two.Units.Values.Where(u => u.DepartmentId != "natural-resources"), Part("natural-resources", TaskState.Done)]);
        Assert.True(all.IsDone(leads));
        Assert.Equal(TaskState.Done, all.Overall(leads));
        Assert.Equal(TaskState.Open, all.Of("civil-affairs")); // the support unit's own part stays as it was
    }

    [Fact]
    public void A_support_units_completion_is_its_own_and_does_not_complete_the_task()
    {
        var leads = Completers([Name("finance")], [Name("tax")]);
        var progress = new TaskProgress(null, [Part("tax", TaskState.Done, "配合完成")]);
        Assert.Equal(TaskState.Done, progress.Of("tax"));
        Assert.False(progress.IsDone(leads));
        Assert.Equal(TaskState.Acknowledged, progress.Overall(leads)); // a part moved
        Assert.Equal("配合完成", progress.Record("tax")!.Note);

        var roles = TaskParts.Of([Name("finance")], [Name("tax"), Name("finance")], Directory.Resolve).Parts;
        Assert.Equal([("finance", TaskRole.Lead), ("tax", TaskRole.Support)], roles.Select(p => (p.Department.Id, p.Role))); // lead and support: lead
    }

    [Fact]
    public void A_task_naming_no_lead_is_done_when_every_unit_it_names_is()
    {
        var completers = Completers([], [Name("finance"), Name("tax")]);
        Assert.Equal(["finance", "tax"], completers!.Select(d => d.Id));
        Assert.False(new TaskProgress(null, [Part("finance", TaskState.Done)]).IsDone(completers));
        Assert.True(new TaskProgress(null, [Part("finance", TaskState.Done), Part("tax", TaskState.Done)]).IsDone(completers));
        Assert.False(TaskProgress.None.IsDone(Completers([], []))); // a task naming no unit is never done by a link
    }

    [Fact]
    public void A_lead_unit_no_department_answers_for_keeps_the_task_open()
    {
        var completers = Completers([Name("finance"), "市不存在的管理局"], []);
        Assert.Null(completers);
        Assert.False(new TaskProgress(null, [Part("finance", TaskState.Done)]).IsDone(completers));
        Assert.Equal(["市不存在的管理局"], TaskParts.Of([Name("finance"), "市不存在的管理局"], [], Directory.Resolve).Unreached);
    }

    [Fact]
    public void State_stored_per_task_before_reads_done_for_every_unit_and_acknowledged_for_its_department()
    {
        var leads = Completers([Name("finance"), Name("tax")], []);
        var done = new TaskProgress(Part("finance", TaskState.Done, "旧的完成说明"), []);
        Assert.Equal((TaskState.Done, TaskState.Done), (done.Of("finance"), done.Of("tax")));
        Assert.True(done.IsDone(leads));
        Assert.Equal(("tax", "旧的完成说明"), (done.Record("tax")!.DepartmentId, done.Record("tax")!.Note));

        var acknowledged = new TaskProgress(Part("finance", TaskState.Acknowledged), [Part("tax", TaskState.Done)]);
        Assert.Equal((TaskState.Acknowledged, TaskState.Done), (acknowledged.Of("finance"), acknowledged.Of("tax")));
        Assert.Equal(TaskState.Open, acknowledged.Of("natural-resources"));
        Assert.False(acknowledged.IsDone(leads));
        Assert.Null(new TaskProgress(Part("finance", TaskState.Open), []).Legacy);
    }

    [Fact]
    public void The_planner_reminds_the_leads_whose_part_is_open_and_nobody_once_every_lead_is_done()
    {
        ReminderTask Task(TaskProgress progress) =>
            new("2022-06|01|001|1", "2022-06|01|001", "聊政发〔2022〕9号", "通知", "1", "……", [Name("finance"), Name("tax")], [Name("civil-affairs")],
                "6月底前", DeadlineKind.Deadline, new DateOnly(2022, 6, 30), "as written") { Progress = progress };
        List<string> Reminded(TaskProgress progress) => ReminderPlanner.Plan(new DateOnly(2022, 6, 23), [Task(progress)], Directory, ReminderSettings.Default, new HashSet<string>())
            .Reminders.Select(r => r.Department.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["civil-affairs", "finance", "tax"], Reminded(TaskProgress.None));
        Assert.Equal(["civil-affairs", "tax"], Reminded(new TaskProgress(null, [Part("finance", TaskState.Done)])));
        Assert.Equal(["finance", "tax"], Reminded(new TaskProgress(null, [Part("civil-affairs", TaskState.Done)]))); // support done: leads still
        Assert.Equal(["civil-affairs", "finance", "tax"], Reminded(new TaskProgress(null, [Part("finance", TaskState.Acknowledged)]))); // seen is not done
        Assert.Empty(Reminded(new TaskProgress(null, [Part("finance", TaskState.Done), Part("tax", TaskState.Done)]))); // done as a whole: support too
    }
}
