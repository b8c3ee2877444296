namespace GazetteNotify.Departments;

/// <summary>
/// A body that reminders are mailed to: a stable ASCII id, its name as gazettes write it today, the other names that
/// mean it (full official names, short forms, names from before the 2019 机构改革), and the addresses admins set.
/// </summary>
public sealed record Department(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Emails);
