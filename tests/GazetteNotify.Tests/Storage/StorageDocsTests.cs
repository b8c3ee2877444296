using System.Reflection;
using Azure.Data.Tables;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Storage;

/// <summary>
/// docs/storage.md documents every table: a `### Name` section per table in StorageNames, which says what its keys
/// mean and names each row type stored in it and each column that type stores.
/// </summary>
public sealed class StorageDocsTests
{
    private static readonly Lazy<string[]> Doc = new(() => File.ReadAllLines(Path.Combine(AzuriteFixture.RepoRoot(), "docs", "storage.md")));

    private static readonly string[] Tables = [.. new StorageNames().Tables];

    /// <summary>Every typed row of the service and of `gazette serve`: classes implementing ITableEntity, bar the SDK's own.</summary>
    private static readonly Type[] RowTypes =
    [
        .. new[] { typeof(TableRow).Assembly, typeof(GazetteNotify.Cli.Serve.TimerJob).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITableEntity).IsAssignableFrom(t)),
    ];

    public static TheoryData<string> TableNames => [.. Tables];

    public static TheoryData<string> RowTypeNames => [.. RowTypes.Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Every_table_has_a_section_saying_what_its_keys_mean(string table)
    {
        var section = Section(table);
        Assert.True(section is not null, $"docs/storage.md has no `### {table}` section");
        Assert.Contains("PartitionKey", section, StringComparison.Ordinal);
        Assert.Contains("RowKey", section, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RowTypeNames))]
    public void Every_row_type_is_named_with_each_of_its_columns_in_its_tables_section(string typeName)
    {
        var type = RowTypes.Single(t => t.FullName == typeName);
        var table = type.GetCustomAttribute<StoredInAttribute>()?.Table;
        Assert.True(table is not null, $"{type.Name} does not say which table it is stored in ([StoredIn])");
        Assert.Contains(table, Tables);
        var section = Section(table) ?? "";
        Assert.True(section.Contains(type.Name, StringComparison.Ordinal), $"the `### {table}` section of docs/storage.md does not name {type.Name}");
        var missing = TableColumns.Of(type).Where(column => !section.Contains($"`{column}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"the `### {table}` section of docs/storage.md does not name {type.Name}'s columns {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_table_holds_some_row_kind_the_code_knows()
    {
        // A table nobody writes a typed row to is either gone from the code or still stored as strings.
        var stored = RowTypes.Select(t => t.GetCustomAttribute<StoredInAttribute>()?.Table).ToHashSet();
        Assert.All(Tables, t => Assert.Contains(t, stored));
    }

    /// <summary>From the table's `### ` heading to the next heading of level 3 or higher; null when there is none.</summary>
    private static string? Section(string table)
    {
        var lines = Doc.Value;
        var start = Array.FindIndex(lines, l => l.Trim() == "### " + table);
        if (start < 0) return null;
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
