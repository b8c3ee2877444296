using Azure;
using Azure.Data.Tables;

namespace GazetteNotify.Storage;

/// <summary>
/// What every typed row has: its keys, and the service's timestamp and ETag. A row type adds its columns as public
/// properties, which the SDK reads and writes by name; a property that is not a column is marked
/// <see cref="System.Runtime.Serialization.IgnoreDataMemberAttribute"/> (the SDK would store any public property).
/// </summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
