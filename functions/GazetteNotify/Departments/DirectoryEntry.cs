namespace GazetteNotify.Departments;

/// <summary>What a name in the directory stands for: a department, a group (with its members), or a not-recipient.</summary>
internal sealed record DirectoryEntry(ResolutionKind Kind, string Name, IReadOnlyList<Department> Departments)
{
    /// <summary>Two entries are the same target when this is equal.</summary>
    public string Identity => Kind == ResolutionKind.Department ? "department " + Departments[0].Id : $"{Kind} {Name}";

    /// <summary>
    /// A county-level government, a group of them, or a collective phrase about them (试点县（市、区）政府): the only
    /// targets the 人民政府 ↔ 政府 and trailing-办公室 rules may land on. The city's own government is not one.
    /// </summary>
    public bool IsCountyLevelGovernment =>
        Kind switch
        {
            ResolutionKind.Department => IsCountyLevelGovernmentName(Departments[0].Name),
            ResolutionKind.Group => Departments.Count > 0 && Departments.All(d => IsCountyLevelGovernmentName(d.Name)),
            ResolutionKind.NotRecipient => Name.EndsWith("政府", StringComparison.Ordinal),
            _ => false,
        };

    private static bool IsCountyLevelGovernmentName(string name) =>
        name.EndsWith("人民政府", StringComparison.Ordinal)
        && name is not ("聊城市人民政府" or "市人民政府")
        && name.Length > "人民政府".Length;
}
