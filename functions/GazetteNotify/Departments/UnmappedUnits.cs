using Azure.Data.Tables;
using GazetteNotify.Documents;
using GazetteNotify.Storage;

namespace GazetteNotify.Departments;

/// <summary>
/// Units named in stored tasks that reach no department — unknown names and collective ones (市政府有关部门) — each
/// with the documents that name it: what the admin must map or accept.
/// </summary>
public sealed class UnmappedUnits(GazetteStorage storage, DepartmentStore departments)
{
    public sealed record Unit(string Name, UnitResolution Resolution, IReadOnlyList<string> NamedIn);

    public async Task<(IReadOnlyList<Unit> Unreached, int Named)> ListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var directory = await departments.LoadAsync(cancellationToken);
        var named = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        string[] columns = [nameof(TaskRow.PartitionKey), nameof(TaskRow.DocNumber), nameof(TaskRow.Lead), nameof(TaskRow.Support)];
        await foreach (var row in storage.Table(storage.Names.TasksTable).QueryAsync<TaskRow>(select: columns, cancellationToken: cancellationToken))
        {
            foreach (var unit in row.Lead.Concat(row.Support))
            {
                if (!named.TryGetValue(unit, out var docs)) named[unit] = docs = new SortedSet<string>(StringComparer.Ordinal);
                docs.Add($"{row.PartitionKey} {row.DocNumber ?? "(no number)"}");
            }
        }

        var unreached = named.OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new Unit(n.Key, directory.Resolve(n.Key), n.Value.ToList()))
            .Where(u => u.Resolution.Kind is ResolutionKind.Unmapped or ResolutionKind.NotRecipient)
            .ToList();
        return (unreached, named.Count);
    }
}
