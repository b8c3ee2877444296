using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace GazetteNotify.Storage;

/// <summary>
/// A row type's columns as the SDK binds them — public properties, named by [DataMember(Name)] where given, none marked
/// [IgnoreDataMember] — and a row's values under those names: what docs/storage.md is checked against, and what the
/// admin's JSON shows of a row (as stored, the service's timestamp and ETag left out).
/// </summary>
public static class TableColumns
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag),
    };

    /// <summary>The columns a row type stores besides its keys, in declaration order.</summary>
    public static IReadOnlyList<string> Of(Type rowType) => Bound(rowType).Select(b => b.Column).Where(c => !Keys.Contains(c)).ToList();

    /// <summary>The row's keys and every column it holds a value for (a null is no column: the service keeps none).</summary>
    public static Dictionary<string, object?> Values(ITableEntity row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(row.PartitionKey)] = row.PartitionKey, [nameof(row.RowKey)] = row.RowKey };
        foreach (var (property, column) in Bound(row.GetType()))
        {
            if (Keys.Contains(column) || property.GetValue(row) is not { } value) continue;
            values[column] = value is Enum ? value.ToString() : value; // as the SDK stores an enum
        }

        return values;
    }

    private static IEnumerable<(PropertyInfo Property, string Column)> Bound(Type rowType) =>
        rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true && !p.IsDefined(typeof(IgnoreDataMemberAttribute)))
            .Select(p => (p, p.GetCustomAttribute<DataMemberAttribute>()?.Name ?? p.Name));
}
