using GazetteNotify.Departments;

namespace GazetteNotify.Reminders;

/// <summary>A department's part in a task: its role (a department named as lead and as support leads).</summary>
public sealed record TaskPart(Department Department, TaskRole Role);

/// <summary>
/// Which departments a task's units reach, in which role, and whose completion completes it (docs/adr/0044): the
/// departments its lead units reach; a task that names no lead unit is completed by the units it names.
/// </summary>
public static class TaskParts
{
    /// <summary>Every department the task's units reach, leads first, each once; the units that reach none.</summary>
    public static (IReadOnlyList<TaskPart> Parts, IReadOnlyList<string> Unreached) Of(IReadOnlyList<string> lead, IReadOnlyList<string> support, Func<string, UnitResolution> resolve)
    {
        var parts = new List<TaskPart>();
        var unreached = new List<string>();
        var split = support.Count > 0;
        foreach (var (units, role) in new[] { (lead, split ? TaskRole.Lead : TaskRole.Responsible), (support, TaskRole.Support) })
        {
            foreach (var unit in units)
            {
                var departments = resolve(unit).Departments;
                if (departments.Count == 0) unreached.Add(unit);
                foreach (var department in departments)
                {
                    if (!parts.Exists(p => p.Department.Id == department.Id)) parts.Add(new TaskPart(department, role));
                }
            }
        }

        return (parts, unreached);
    }

    /// <summary>
    /// The departments whose completion completes the task: those its lead units reach (those its support units reach
    /// when it names no lead). Null when one of those units reaches no department: nobody can complete it for that
    /// unit, so the task stays open until the admin maps the unit.
    /// </summary>
    public static IReadOnlyList<Department>? Completers(IReadOnlyList<string> lead, IReadOnlyList<string> support, Func<string, UnitResolution> resolve)
    {
        var units = lead.Count > 0 ? lead : support;
        var departments = new List<Department>();
        foreach (var unit in units)
        {
            var reached = resolve(unit).Departments;
            if (reached.Count == 0) return null;
            departments.AddRange(reached.Where(d => !departments.Exists(x => x.Id == d.Id)));
        }

        return departments;
    }
}
