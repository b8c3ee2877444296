using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Issue 9, load: the daily reminders job run for every day of a year against Azurite. 300 departments with addresses
/// (names written as in <c>--reminders</c>: canonical, alias, 聊城市-prefixed, a tenth a group of 8) and ~10,000 limits
/// due over 2026 (1 % repeating monthly or quarterly), stored as ingestion stores them: synthetic issues turned into
/// rows by IssueRows.Build itself. SendDeadlineReminders then runs once a day, 1 January to 31 December, on a fake
/// clock at 08:00 China time, sending through a counting transport. Checks that no (department, limit, milestone) is
/// reminded twice over the year and no department gets two mails in a day.
/// Run: bash scripts/start-azurite.sh; dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --load-reminders
/// </summary>
internal static class LoadRemindersBenchmark
{
    private const int Year = 2026;

    public static async Task RunAsync(int limits = 10_000, int departments = 300, int days = 365)
    {
        await using var load = await LoadStorage.CreateAsync();
        var storage = load.Storage;
        var random = new Random(7);
        var watch = Stopwatch.StartNew();

        var list = Enumerable.Range(0, departments).Select(i => new Department($"d{i:000}", $"市第{i}局", [$"市{i}局"], [$"d{i}@example.gov.cn"])).ToList();
        var directory = new DepartmentDirectory(list, [new DepartmentGroup("各县（市、区）人民政府", [], list.Take(8).Select(d => d.Id).ToList())], ["市政府有关部门"]);
        await new DepartmentStore(storage).SaveAsync(directory);

        var rows = Issues(limits, departments, random).Select(i => IssueRows.Build(i.Key, i.Issue, new Upload(i.Key + ".txt", i.Key, "utf-8"), DateTimeOffset.UnixEpoch)).ToList();
        await load.WriteAsync(storage.Names.DocumentsTable, rows.SelectMany(r => r.Documents));
        await load.WriteAsync(storage.Names.TasksTable, rows.SelectMany(r => r.Tasks));
        await load.WriteAsync(storage.Names.DeadlinesTable, rows.SelectMany(r => r.Deadlines));
        await load.WriteAsync(storage.Names.IssuesTable, rows.Select(r => r.Issue));
        var stored = rows.Sum(r => r.Deadlines.Count);
        var partitions = rows.SelectMany(r => r.Deadlines).GroupBy(d => d.PartitionKey).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"load-reminders: {departments} departments, {stored:N0} limits ({string.Join(", ", partitions.Select(p => $"{p.Key}: {p.Value:N0}"))}), {days} days of {Year}, {load.Where}");
        Console.WriteLine($"  seed: {watch.Elapsed.TotalSeconds:0.0} s");

        var clock = new FakeTimeProvider(new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero)); // 08:00 China time
        var transport = new CountingTransport();
        var inProcess = new SendEmailBatch(new EmailBatches(storage), new DeliveryLedger(storage, clock), transport);
        var job = new SendDeadlineReminders(new DepartmentStore(storage), new DeadlineSource(storage, new TaskStates(storage)), new ReminderLedger(storage, clock),
            new ReminderLinks(new LinkTokens("a-load-benchmark-secret-that-is-long-enough", clock), SiteSettings.Local), inProcess,
            SiteSettings.Local, ReminderSettings.Default, clock);
        var times = new List<double>(days);
        var trips = new List<int>(days);
        var told = new HashSet<string>(StringComparer.Ordinal);
        int mails = 0, lines = 0, twice = 0, twoInADay = 0, notSent = 0, busiest = 0;
        await using var sampler = new WorkingSetSampler();
        var firstProbe = await ProbeAsync(storage);
        Console.WriteLine($"  before the first run: {firstProbe}");
        var total = Stopwatch.StartNew();
        for (var day = 0; day < days; day++)
        {
            transport.Today.Clear();
            load.Counter.Reset();
            watch.Restart();
            var run = await job.RunAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            trips.Add(load.Counter.Count);

            notSent += run.Plan.Reminders.Count - run.Sent;
            mails += transport.Today.Count;
            busiest = Math.Max(busiest, transport.Today.Count);
            twoInADay += transport.Today.Count - transport.Today.Distinct(StringComparer.Ordinal).Count();
            foreach (var reminder in run.Plan.Reminders)
            {
                lines += reminder.Items.Count;
                foreach (var item in reminder.Items)
                {
                    if (!told.Add(item.LedgerKey(reminder.Department))) twice++;
                }
            }

            clock.Advance(TimeSpan.FromDays(1));
            if ((day + 1) % 30 == 0)
            {
                var probe = await ProbeAsync(storage);
                Console.WriteLine($"    to {Time.ChinaTime.Day(clock.GetUtcNow()).AddDays(-1):MM-dd}: last 30 days {Timings.Describe(times.TakeLast(30))}, " +
                                  $"round trips median {trips.TakeLast(30).Order().ElementAt(15)}; {probe}");
            }
        }

        total.Stop();
        var ledgerRows = 0;
        foreach (var partition in new[] { Year, Year + 1 }.Select(y => $"reminded-due-{y}"))
        {
            await foreach (var _ in storage.Table(storage.Names.DeliveriesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"])) ledgerRows++;
        }

        Console.WriteLine($"  {days} daily runs: {total.Elapsed.TotalSeconds:0.0} s; per day {Timings.Describe(times)}; first 30 days average {times.Take(30).Average():0} ms, last 30 {times.TakeLast(30).Average():0} ms");
        Console.WriteLine($"  storage round trips per day: median {trips.Order().ElementAt(trips.Count / 2)}, max {trips.Max()}, {trips.Sum():N0} in all");
        Console.WriteLine($"  {mails:N0} mails ({mails / (double)days:0.0} a day, busiest day {busiest}), {lines:N0} lines; ledger rows reminded-due-{Year}/{Year + 1}: {ledgerRows:N0}");
        Console.WriteLine($"  during the runs {sampler.Describe()}; {WorkingSetSampler.ProcessPeakMegabytes:0} MB for the process");
        LoadCheck.Report("no (department, limit, milestone) reminded twice over the year", twice == 0);
        LoadCheck.Report("no department got two mails in a day", twoInADay == 0);
        LoadCheck.Report("every planned reminder was sent", notSent == 0);
        LoadCheck.Report("one ledger row per (department, limit, milestone) reminded", ledgerRows == told.Count);
    }

    /// <summary>
    /// What one point read costs in the growing Deliveries table and in the small Departments table: the job's round
    /// trips per day stay level, so a rising day time with a rising probe is the store's, not the job's (Azurite's query
    /// filters a table's whole in-memory collection; Azure Table storage reads a partition by its index).
    /// </summary>
    private static async Task<string> ProbeAsync(Storage.GazetteStorage storage)
    {
        async Task<double> Time(string table, bool query)
        {
            var client = storage.Table(table);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                if (query) await foreach (var _ in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"probe"}"))) { }
                else await client.GetEntityIfExistsAsync<TableEntity>("probe", $"missing-{i}");
            }

            return watch.Elapsed.TotalMilliseconds / 20;
        }

        var (read, scan) = (await Time(storage.Names.DeliveriesTable, false), await Time(storage.Names.DeliveriesTable, true));
        var (smallRead, smallScan) = (await Time(storage.Names.DepartmentsTable, false), await Time(storage.Names.DepartmentsTable, true));
        return string.Create(CultureInfo.InvariantCulture,
            $"Deliveries: a point read {read:0.00} ms, a one-partition query {scan:0.00} ms (Departments: {smallRead:0.00} ms, {smallScan:0.00} ms)");
    }

    /// <summary>
    /// Issues of 2026 (24 a year, 25 documents each) whose tasks name units as <c>--reminders</c> does and carry one limit
    /// each, due on a random day of the year; every hundredth repeats (每月10日前, 每季度末). Signed on 31 December 2025,
    /// so no limit falls before its document.
    /// </summary>
    private static IEnumerable<(string Key, GazetteIssue Issue)> Issues(int limits, int departments, Random random)
    {
        const int documentsPerIssue = 25;
        var tasksPerDocument = (int)Math.Ceiling(limits / (24.0 * documentsPerIssue));
        var signed = new DateOnly(Year - 1, 12, 31);
        var made = 0;
        for (var n = 1; n <= 24 && made < limits; n++)
        {
            var documents = new List<GazetteDocument>();
            for (var d = 0; d < documentsPerIssue && made < limits; d++)
            {
                var tasks = new List<ResponsibilityTask>();
                for (var t = 0; t < tasksPerDocument && made < limits; t++, made++)
                {
                    var deadline = made % 100 == 99
                        ? made % 200 == 199
                            ? new Deadline("每季度末", null, DeadlineKind.Recurring) { Recurrence = new RecurrenceRule(RecurrencePeriod.Quarterly, 3, null) }
                            : new Deadline("每月10日前", null, DeadlineKind.Recurring) { Recurrence = new RecurrenceRule(RecurrencePeriod.Monthly, null, 10) }
                        : Dated(new DateOnly(Year, 1, 1).AddDays(random.Next(365)));
                    tasks.Add(new ResponsibilityTask((t + 1).ToString(CultureInfo.InvariantCulture), Units(random, departments, 1, 3), Units(random, departments, 0, 3), [deadline])
                    {
                        Excerpt = "完善工作机制，按期完成各项任务。",
                    });
                }

                documents.Add(new GazetteDocument("市政府办公室文件", $"聊政办字〔{Year}〕{n * 100 + d}号", "关于推进某项工作的实施方案", "聊城市人民政府办公室", signed, 2 + d,
                    "实施方案", null, [], "关于推进某项工作的实施方案。", null, [], tasks, tasks.SelectMany(x => x.Deadlines).ToList(), []));
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{Year}-{n:00}");
            yield return (key, new GazetteIssue(new GazetteMasthead("聊城市人民政府公报", Year, [n], []), documents, []));
        }
    }

    private static Deadline Dated(DateOnly date) => new($"{date.Year}年{date.Month}月{date.Day}日前", date, DeadlineKind.Deadline);

    private static List<string> Units(Random random, int departments, int min, int max) => Enumerable.Range(0, random.Next(min, max)).Select(_ =>
    {
        var n = random.Next(departments);
        return random.Next(10) switch
        {
            0 => "各县（市、区）人民政府",
            1 or 2 => $"市{n}局",
            3 => $"聊城市第{n}局",
            _ => $"市第{n}局",
        };
    }).Distinct().ToList();

    /// <summary>Counts what would be sent, and to whom today: a mail server is not what is measured here.</summary>
    private sealed class CountingTransport : IMailTransport
    {
        public List<string> Today { get; } = [];

        public Task<MailSendResult> SendAsync(RenderedMail mail, string deliveryId, CancellationToken cancellationToken = default)
        {
            Today.Add(mail.To);
            return Task.FromResult(MailSendResult.Success(deliveryId));
        }
    }
}
