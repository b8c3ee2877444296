namespace GazetteNotify.Departments;

/// <summary>
/// A collective name that stands for a known set of departments (各县（市、区）人民政府 → the eight county-level
/// governments). Members are department names or ids.
/// </summary>
public sealed record DepartmentGroup(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Members);
