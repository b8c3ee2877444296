using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GazetteNotify.Departments;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// What departments were already told, in the Deliveries table: a row per (department, limit, milestone) in partition
/// `reminded-due-{due year}`, its key starting with the due date, and a row per department per day in the day's run
/// partition, claimed before its mail is sent or queued, so that a department gets at most one reminder a day and a
/// rerun sends nothing new. The date in front lets a day's run read only the limits due in its window (a range scan)
/// rather than all that was reminded that year, which grew with every day (the year-long load run: 3 s a day in January, 17 s by
/// April on Azurite, ~285,000 rows read a day by December at 10,000 limits).
/// </summary>
public sealed class ReminderLedger(GazetteStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(storage.Names.DeliveriesTable);

    public static string Run(DateOnly day) => "reminders-" + Iso(day);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Where what was reminded for limits due in a year is kept.</summary>
    public static string Partition(int year) => "reminded-due-" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where rows went before the day partitions (`reminded-{due year}`, no date in the key): still read, no longer written.</summary>
    public static string LegacyPartition(int year) => "reminded-" + year.ToString(CultureInfo.InvariantCulture);

    private static string RowKey(ReminderItem item, Department department) => Iso(item.Due) + "|" + item.LedgerKey(department);

    /// <summary>Ledger keys (<see cref="ReminderItem.LedgerKey"/>) of everything reminded for limits due between two days (inclusive).</summary>
    public async Task<HashSet<string>> RemindedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var year = from.Year; year <= to.Year; year++)
        {
            var range = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(year)} and RowKey ge {Iso(from)} and RowKey lt {Iso(to.AddDays(1))}");
            await foreach (var row in Table.QueryAsync<RemindedRow>(range, select: [nameof(RemindedRow.RowKey)], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..]);
            }

            await foreach (var row in Table.QueryAsync<RemindedRow>(TableClient.CreateQueryFilter($"PartitionKey eq {LegacyPartition(year)}"), select: [nameof(RemindedRow.RowKey)], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }

    /// <summary>
    /// Claims today's mail for a department: true if this run may send it (first claim, or a claim left unfinished by a
    /// crash — the delivery rows then keep each address from getting it twice); false once today's mail is done.
    /// </summary>
    public async Task<bool> ClaimDayAsync(DateOnly day, Department department, CancellationToken cancellationToken = default)
    {
        var row = DepartmentDayRow.RowPrefix + department.Id;
        try
        {
            await Table.AddEntityAsync(new DepartmentDayRow { PartitionKey = Run(day), RowKey = row, Status = DepartmentDayStatus.Planned, At = clock.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Table.GetEntityAsync<DepartmentDayRow>(Run(day), row, cancellationToken: cancellationToken);
            return existing.Value.Status != DepartmentDayStatus.Done;
        }
    }

    /// <summary>Records the items as told and closes the department's day.</summary>
    public async Task CompleteDayAsync(DateOnly day, DepartmentReminder reminder, DepartmentDayStatus status, CancellationToken cancellationToken = default)
    {
        if (status == DepartmentDayStatus.Done)
        {
            var rows = reminder.Items.Select(i => new RemindedRow { PartitionKey = Partition(i.Due.Year), RowKey = RowKey(i, reminder.Department), Run = Run(day) });
            await TableBatches.SubmitAsync(Table, rows, TableTransactionActionType.UpsertReplace, cancellationToken);
        }

        // A merge of the columns that change (the claim's At stays): a patch, not a whole row.
        await Table.UpsertEntityAsync(new TableEntity(Run(day), DepartmentDayRow.RowPrefix + reminder.Department.Id)
        {
            [nameof(DepartmentDayRow.Status)] = StoredName.Of(status),
            [nameof(DepartmentDayRow.Items)] = reminder.Items.Count,
            [nameof(DepartmentDayRow.CompletedAt)] = clock.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);
    }
}
