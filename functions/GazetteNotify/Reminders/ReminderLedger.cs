using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GazetteNotify.Departments;
using GazetteNotify.Storage;

namespace GazetteNotify.Reminders;

/// <summary>
/// What departments were already told, in the Deliveries table: a row per (department, limit, milestone) in partition
/// `reminded-{due year}`, and a row per department per day in the day's run partition, claimed before its mail is
/// sent or queued, so that a department gets at most one reminder a day and a rerun sends nothing new.
/// </summary>
public sealed class ReminderLedger(GazetteStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(storage.Names.DeliveriesTable);

    public static string Run(DateOnly day) => "reminders-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Partition(int year) => "reminded-" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ledger keys of everything reminded for limits due in the given years.</summary>
    public async Task<HashSet<string>> RemindedAsync(IEnumerable<int> years, CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var year in years.Distinct())
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(year)}"), select: ["RowKey"], cancellationToken: cancellationToken))
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
        var row = "dept-" + department.Id;
        try
        {
            await Table.AddEntityAsync(new TableEntity(Run(day), row) { ["Status"] = "planned", ["At"] = clock.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>(Run(day), row, cancellationToken: cancellationToken);
            return existing.Value.GetString("Status") != "done";
        }
    }

    /// <summary>Records the items as told and closes the department's day.</summary>
    public async Task CompleteDayAsync(DateOnly day, DepartmentReminder reminder, string status, CancellationToken cancellationToken = default)
    {
        if (status == "done")
        {
            var rows = reminder.Items.Select(i => new TableEntity(Partition(i.Due.Year), i.LedgerKey(reminder.Department)) { ["Run"] = Run(day) });
            await TableBatches.SubmitAsync(Table, rows, TableTransactionActionType.UpsertReplace, cancellationToken);
        }

        await Table.UpsertEntityAsync(new TableEntity(Run(day), "dept-" + reminder.Department.Id)
        {
            ["Status"] = status,
            ["Items"] = reminder.Items.Count,
            ["CompletedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);
    }
}
