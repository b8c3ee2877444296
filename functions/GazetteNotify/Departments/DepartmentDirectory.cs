using System.Net.Mail;
using System.Text.RegularExpressions;

namespace GazetteNotify.Departments;

/// <summary>
/// The bodies that responsibility clauses name, and how a unit as written (市发改委, 临清市政府办公室,
/// 各县(市、区)政府) resolves to the departments to mail. Resolution never guesses: a unit is a department, a group, a
/// collective phrase that is no mailbox, or unmapped — and a rule that could mean two bodies leaves it unmapped.
/// Immutable: <see cref="WithEmail"/> and <see cref="Merge"/> return new directories.
/// </summary>
public sealed partial class DepartmentDirectory
{
    private const string AmbiguousPrefix = "ambiguous: ";
    private const string ResourceName = "GazetteNotify.Departments.departments.liaocheng.json";

    private static readonly Lazy<DepartmentDirectory> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, DirectoryEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Department> _byId = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Ids not unique or not ASCII slugs, a name claimed twice, a group member
    /// that is no department, an address that is not one.</exception>
    public DepartmentDirectory(IEnumerable<Department> departments, IEnumerable<DepartmentGroup> groups, IEnumerable<string> notRecipients)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(notRecipients);

        Departments = [.. departments.Select(d => Validated(d, nameof(departments)))];
        foreach (var department in Departments)
        {
            if (!_byId.TryAdd(department.Id, department))
                throw new ArgumentException($"Department id '{department.Id}' is used twice.", nameof(departments));
            var entry = new DirectoryEntry(ResolutionKind.Department, department.Name, [department]);
            foreach (var name in department.Aliases.Prepend(department.Name))
                Claim(name, entry, nameof(departments));
        }

        NotRecipients = [.. notRecipients.Select(n => Required(n, "not-recipient phrase", nameof(notRecipients))).DistinctBy(UnitKey.Clean)];
        foreach (var phrase in NotRecipients)
            Claim(phrase, new DirectoryEntry(ResolutionKind.NotRecipient, phrase, []), nameof(notRecipients));

        Groups = [.. groups.Select(g => Validated(g, nameof(groups)))];
        foreach (var group in Groups)
        {
            var members = group.Members.Select(m => Find(m) ?? throw new ArgumentException(
                $"Group '{group.Name}': member '{m}' is not a department (give its id or name).", nameof(groups))).DistinctBy(d => d.Id).ToList();
            if (members.Count == 0) throw new ArgumentException($"Group '{group.Name}' has no members.", nameof(groups));
            var entry = new DirectoryEntry(ResolutionKind.Group, group.Name, members);
            foreach (var name in group.Aliases.Prepend(group.Name))
                Claim(name, entry, nameof(groups));
        }
    }

    /// <summary>The Liaocheng directory shipped with the service (departments.liaocheng.json, embedded).</summary>
    public static DepartmentDirectory Default => Embedded.Value;

    public IReadOnlyList<Department> Departments { get; }

    public IReadOnlyList<DepartmentGroup> Groups { get; }

    public IReadOnlyList<string> NotRecipients { get; }

    /// <summary>Reads the format of departments.liaocheng.json.</summary>
    /// <exception cref="FormatException">Not JSON, not that format, or data the directory rejects; the message says where.</exception>
    public static DepartmentDirectory FromJson(string json) => DepartmentJson.Read(json);

    /// <summary>The directory in the format of departments.liaocheng.json: indented, Chinese as text.</summary>
    public string ToJson() => DepartmentJson.Write(this);

    /// <summary>The department with this id, name or alias (after trivial cleanup); no normalisation rules.</summary>
    public Department? Find(string idOrNameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(idOrNameOrAlias);
        if (_byId.TryGetValue(idOrNameOrAlias.Trim(), out var byId)) return byId;
        return _entries.TryGetValue(UnitKey.Clean(idOrNameOrAlias), out var entry) && entry.Kind == ResolutionKind.Department
            ? entry.Departments[0]
            : null;
    }

    /// <summary>
    /// Resolves a unit as written. Order: exact name or alias (after trivial cleanup) → not-recipient phrases → groups →
    /// normalisation rules, each of which must land on a known name exactly (the 聊城市/市 prefix; 人民政府 ↔ 政府 and a
    /// trailing 办公室 for county-level governments; 委员会 ↔ 委; 和/与 removed; a parenthesised alternate name) →
    /// unmapped. When the rules land on two different targets the unit is unmapped, How "ambiguous: A, B".
    /// </summary>
    public UnitResolution Resolve(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var key = UnitKey.Clean(unit);
        if (key.Length == 0) return Unmapped(unit, "unmapped (empty)");

        if (_entries.TryGetValue(key, out var exact))
        {
            var how = exact.Kind switch
            {
                ResolutionKind.Department => UnitKey.Clean(exact.Departments[0].Name) == key ? "name" : "alias",
                ResolutionKind.NotRecipient => "not a recipient",
                _ => $"group {exact.Name}",
            };
            return new UnitResolution(unit, exact.Kind, exact.Departments, how);
        }

        var hits = new List<(DirectoryEntry Entry, UnitVariant Variant)>();
        foreach (var variant in UnitVariant.Of(key).Where(v => v.Rules.Count > 0))
        {
            if (_entries.TryGetValue(variant.Text, out var entry) && (!variant.GovernmentOnly || entry.IsCountyLevelGovernment))
                hits.Add((entry, variant));
        }

        var targets = hits.DistinctBy(h => h.Entry.Identity).ToList();
        if (targets.Count > 1) return Ambiguous(unit, targets.Select(t => t.Entry.Name).Distinct(StringComparer.Ordinal));
        if (targets.Count == 1)
        {
            var (entry, variant) = targets[0];
            return new UnitResolution(unit, entry.Kind, entry.Departments, Describe(entry, $"normalised ({string.Join(", ", variant.Rules)})"));
        }

        return ResolveAlternates(unit, key);
    }

    /// <summary>市委宣传部（市新闻出版局）: the whole failed, so each part; parts that resolve must agree.</summary>
    private UnitResolution ResolveAlternates(string unit, string key)
    {
        var match = Alternates().Match(key);
        if (!match.Success) return Unmapped(unit, "unmapped");

        var parts = new[] { match.Groups["head"].Value, match.Groups["inner"].Value }.Select(Resolve).ToList();
        var ambiguous = parts.FirstOrDefault(p => p.How.StartsWith(AmbiguousPrefix, StringComparison.Ordinal));
        if (ambiguous is not null) return Unmapped(unit, $"{AmbiguousPrefix}part {ambiguous.Unit} → {ambiguous.How[AmbiguousPrefix.Length..]}");

        var resolved = parts.Where(p => p.Kind != ResolutionKind.Unmapped).ToList();
        if (resolved.Count == 0) return Unmapped(unit, "unmapped");
        var distinct = resolved.DistinctBy(p => p.Kind == ResolutionKind.NotRecipient
            ? "not a recipient"
            : string.Join(",", p.Departments.Select(d => d.Id))).ToList();
        if (distinct.Count > 1)
            return Ambiguous(unit, distinct.Select(p => p.Kind == ResolutionKind.Department ? p.Departments[0].Name : p.Unit));

        var first = resolved[0];
        return new UnitResolution(unit, first.Kind, first.Departments, $"parenthesised part {first.Unit}: {first.How}");
    }

    /// <summary>A copy with the address added to the department (by id, name or alias).</summary>
    /// <exception cref="ArgumentException">No such department, or not an email address.</exception>
    public DepartmentDirectory WithEmail(string idOrName, string email)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        ArgumentNullException.ThrowIfNull(email);
        var department = Find(idOrName) ?? throw new ArgumentException($"No department '{idOrName}' in the directory.", nameof(idOrName));
        var address = email.Trim();
        if (!IsEmailAddress(address)) throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        if (department.Emails.Contains(address, StringComparer.OrdinalIgnoreCase)) return this;

        var updated = department with { Emails = [.. department.Emails, address] };
        return new DepartmentDirectory(Departments.Select(d => d.Id == department.Id ? updated : d), Groups, NotRecipients);
    }

    /// <summary>
    /// A copy with the imported departments replacing those with the same id and the new ones added after the
    /// existing; groups (a group of the same name gets the union of aliases and members) and not-recipients unioned.
    /// </summary>
    /// <exception cref="ArgumentException">The result is inconsistent, e.g. an imported alias names another department.</exception>
    public DepartmentDirectory Merge(DepartmentDirectory imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var importedById = imported.Departments.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var departments = Departments.Select(d => importedById.GetValueOrDefault(d.Id) ?? d)
            .Concat(imported.Departments.Where(d => !_byId.ContainsKey(d.Id)));

        var groups = new List<DepartmentGroup>(Groups);
        foreach (var group in imported.Groups)
        {
            var index = groups.FindIndex(g => UnitKey.Clean(g.Name) == UnitKey.Clean(group.Name));
            if (index < 0) groups.Add(group);
            else
            {
                var existing = groups[index];
                groups[index] = existing with
                {
                    Aliases = [.. existing.Aliases.Union(group.Aliases, StringComparer.Ordinal)],
                    Members = [.. existing.Members.Union(group.Members, StringComparer.Ordinal)],
                };
            }
        }

        var notRecipients = NotRecipients.Union(imported.NotRecipients, StringComparer.Ordinal);
        return new DepartmentDirectory(departments, groups, notRecipients);
    }

    private static DepartmentDirectory LoadEmbedded()
    {
        using var stream = typeof(DepartmentDirectory).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException("departments.liaocheng.json is not embedded");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private void Claim(string name, DirectoryEntry entry, string parameter)
    {
        var key = UnitKey.Clean(Required(name, "name", parameter));
        if (_entries.TryGetValue(key, out var existing))
        {
            if (existing.Identity == entry.Identity) return;
            throw new ArgumentException($"'{name}' names both {Describe(existing)} and {Describe(entry)}.", parameter);
        }

        _entries.Add(key, entry);
    }

    private static Department Validated(Department department, string parameter)
    {
        ArgumentNullException.ThrowIfNull(department, parameter);
        if (department.Id is null || !Slug().IsMatch(department.Id))
            throw new ArgumentException($"Department '{department.Name}': id '{department.Id}' is not a lowercase ASCII slug (finance, public-security).", parameter);
        Required(department.Name, $"name of department '{department.Id}'", parameter);
        foreach (var email in department.Emails ?? [])
        {
            if (!IsEmailAddress(email)) throw new ArgumentException($"Department '{department.Id}': '{email}' is not an email address.", parameter);
        }

        return department with { Aliases = department.Aliases ?? [], Emails = department.Emails ?? [] };
    }

    private static DepartmentGroup Validated(DepartmentGroup group, string parameter)
    {
        ArgumentNullException.ThrowIfNull(group, parameter);
        Required(group.Name, "group name", parameter);
        return group with { Aliases = group.Aliases ?? [], Members = group.Members ?? [] };
    }

    private static string Required(string? value, string what, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"A {what} is empty.", parameter) : value;

    private static bool IsEmailAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;

    private static string Describe(DirectoryEntry entry) => entry.Kind switch
    {
        ResolutionKind.Department => $"department {entry.Departments[0].Id} ({entry.Name})",
        ResolutionKind.Group => $"group {entry.Name}",
        _ => $"not-recipient phrase {entry.Name}",
    };

    private static string Describe(DirectoryEntry entry, string how) => entry.Kind switch
    {
        ResolutionKind.Group => $"{how}; group {entry.Name}",
        ResolutionKind.NotRecipient => $"{how}; not a recipient",
        _ => how,
    };

    private static UnitResolution Unmapped(string unit, string how) => new(unit, ResolutionKind.Unmapped, [], how);

    private static UnitResolution Ambiguous(string unit, IEnumerable<string> names) =>
        Unmapped(unit, AmbiguousPrefix + string.Join(", ", names));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^(?<head>.+)（(?<inner>[^（）]+)）$")]
    private static partial Regex Alternates();
}
