using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Departments;

/// <summary>
/// The directory as the admin keeps it, in the Departments table: one row per department (partition `departments`,
/// row = id), per group (`groups`) and per collective name that is not a recipient (`not-recipients`). Until the admin
/// saves one, the directory shipped with the service (departments.liaocheng.json) is the directory.
/// </summary>
public sealed class DepartmentStore(GazetteStorage storage)
{
    public const string DepartmentsPartition = "departments";
    public const string GroupsPartition = "groups";
    public const string NotRecipientsPartition = "not-recipients";

    private TableClient Table => storage.Table(storage.Names.DepartmentsTable);

    public async Task<DepartmentDirectory> LoadAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var departments = new List<Department>();
        var groups = new List<DepartmentGroup>();
        var notRecipients = new List<string>();
        await foreach (var row in Table.QueryAsync<DirectoryRow>(cancellationToken: cancellationToken))
        {
            switch (row.PartitionKey)
            {
                case DepartmentsPartition:
                    departments.Add(new Department(row.RowKey, row.Name ?? row.RowKey, row.Aliases, row.Emails));
                    break;
                case GroupsPartition:
                    groups.Add(new DepartmentGroup(row.Name ?? row.RowKey, row.Aliases, row.Members));
                    break;
                case NotRecipientsPartition:
                    notRecipients.Add(row.Name ?? row.RowKey);
                    break;
            }
        }

        return departments.Count == 0 ? DepartmentDirectory.Default : new DepartmentDirectory(departments, groups, notRecipients);
    }

    /// <summary>Writes the whole directory; rows of departments or groups no longer in it are removed.</summary>
    public async Task SaveAsync(DepartmentDirectory directory, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var rows = new List<DirectoryRow>();
        rows.AddRange(directory.Departments.Select(d => new DirectoryRow { PartitionKey = DepartmentsPartition, RowKey = d.Id, Name = d.Name, Aliases = d.Aliases, Emails = d.Emails }));
        rows.AddRange(directory.Groups.Select(g => new DirectoryRow { PartitionKey = GroupsPartition, RowKey = RowKeyOf(g.Name), Name = g.Name, Aliases = g.Aliases, Members = g.Members }));
        rows.AddRange(directory.NotRecipients.Select(n => new DirectoryRow { PartitionKey = NotRecipientsPartition, RowKey = RowKeyOf(n), Name = n }));
        await TableBatches.SubmitAsync(Table, rows, TableTransactionActionType.UpsertReplace, cancellationToken);

        var keep = rows.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
        var stale = new List<DirectoryRow>();
        await foreach (var row in Table.QueryAsync<DirectoryRow>(select: [nameof(DirectoryRow.PartitionKey), nameof(DirectoryRow.RowKey)], cancellationToken: cancellationToken))
        {
            if (!keep.Contains((row.PartitionKey, row.RowKey))) stale.Add(row);
        }

        await TableBatches.SubmitAsync(Table, stale, TableTransactionActionType.Delete, cancellationToken);
    }

    /// <summary>Chinese names are valid row keys; only the characters Table Storage forbids are replaced.</summary>
    private static string RowKeyOf(string name) =>
        string.Concat(name.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));
}
