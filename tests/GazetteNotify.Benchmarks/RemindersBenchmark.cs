using System.Diagnostics;
using GazetteNotify.Departments;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Planning a day's reminders at city scale: 10,000 limits due over a year × 300 departments (names written as the
/// canonical name, an alias or a 聊城市-prefixed variant that a rule resolves; a tenth name a group of 8), plus
/// rendering every department's mail. Reports the median and worst day over 30 days, and peak working set.
/// Run: dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --reminders
/// </summary>
internal static class RemindersBenchmark
{
    public static void Run(int deadlines = 10_000, int departments = 300)
    {
        var random = new Random(7);
        var list = Enumerable.Range(0, departments).Select(i => new Department($"d{i:000}", $"市第{i}局", [$"市{i}局"], [$"d{i}@example.gov.cn"])).ToList();
        var groups = new[] { new DepartmentGroup("各县（市、区）人民政府", [], list.Take(8).Select(d => d.Id).ToList()) };
        var directory = new DepartmentDirectory(list, groups, ["市政府有关部门"]);
        var start = new DateOnly(2026, 1, 1);
        var tasks = new List<ReminderTask>(deadlines);
        for (var i = 0; i < deadlines; i++)
        {
            string Unit()
            {
                var n = random.Next(departments);
                return random.Next(10) switch
                {
                    0 => "各县（市、区）人民政府",
                    1 or 2 => $"市{n}局",
                    3 => $"聊城市第{n}局",
                    _ => $"市第{n}局",
                };
            }

            var lead = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Unit()).Distinct().ToList();
            var support = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Unit()).Distinct().ToList();
            var key = $"2026-{i / 1000 + 1:00}|{i % 100:00}|{i:000}|1";
            tasks.Add(new ReminderTask(key, key[..key.LastIndexOf('|')], $"聊政办字〔2026〕{i}号", "关于推进某项工作的实施方案", (i % 30 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "完善工作机制，按期完成各项任务。", lead, support, "年底前", DeadlineKind.Deadline, start.AddDays(random.Next(365)), "as written"));
        }

        var links = new ReminderLinks(new LinkTokens("a-benchmark-secret-that-is-long-enough", TimeProvider.System), SiteSettings.Local);
        var reminded = new HashSet<string>(StringComparer.Ordinal);
        ReminderPlanner.Plan(start.AddDays(100), tasks, directory, ReminderSettings.Default, reminded); // warm up
        GC.Collect();
        var plans = new List<double>();
        var totals = new List<double>();
        int mails = 0, lines = 0;
        for (var day = 0; day < 30; day++)
        {
            var watch = Stopwatch.StartNew();
            var plan = ReminderPlanner.Plan(start.AddDays(120 + day), tasks, directory, ReminderSettings.Default, reminded);
            plans.Add(watch.Elapsed.TotalMilliseconds);
            foreach (var reminder in plan.Reminders)
            {
                ReminderRenderer.Render(reminder, links, "聊城市人民政府公报");
                foreach (var item in reminder.Items) reminded.Add(item.LedgerKey(reminder.Department)); // as the ledger records it
            }

            totals.Add(watch.Elapsed.TotalMilliseconds);
            mails += plan.Reminders.Count;
            lines += plan.Reminders.Sum(r => r.Items.Count);
        }

        plans.Sort();
        totals.Sort();
        Console.WriteLine($"reminders: {deadlines:N0} limits × {departments} departments, 30 consecutive days");
        Console.WriteLine($"  plan one day: median {plans[15]:0.0} ms, worst {plans[^1]:0.0} ms; plan + render every mail: median {totals[15]:0.0} ms, worst {totals[^1]:0.0} ms");
        Console.WriteLine($"  {mails / 30.0:0} mails and {lines / 30.0:0} lines a day on average; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
    }
}
