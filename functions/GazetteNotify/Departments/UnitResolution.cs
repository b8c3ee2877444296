namespace GazetteNotify.Departments;

/// <summary>
/// The outcome of resolving one unit: the departments to mail (none unless Kind is Department or Group) and, in How,
/// why ("alias", "normalised (聊城市 → 市)", "group 各县（市、区）人民政府", "not a recipient", "ambiguous: A, B").
/// </summary>
public sealed record UnitResolution(string Unit, ResolutionKind Kind, IReadOnlyList<Department> Departments, string How);
