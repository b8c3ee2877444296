namespace GazetteNotify.Storage;

/// <summary>
/// The table a row type is stored in, by its name in <see cref="StorageNames"/> without a prefix (Issues, Deliveries):
/// docs/storage.md documents each table's columns, and a test holds every row type's columns to its table's section.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoredInAttribute(string table) : Attribute
{
    public string Table { get; } = table;
}
