namespace GazetteNotify.Parsing.Tasks;

/// <summary>Units collected for one clause, each with the role it was given, in the order they were written.</summary>
internal sealed class RoleSet
{
    private readonly List<(ClauseRole Role, string Unit)> _units = new(8);

    public string? TimeLimit { get; set; }

    /// <summary>The clause says 列第一位者为牵头部门: the first responsible unit leads, the others support.</summary>
    public bool FirstListedLeads { get; set; }

    public bool HasUnits => _units.Count > 0;

    public void Add(ClauseRole role, List<string> units)
    {
        foreach (var u in units) Add(role, u);
    }

    public void Add(ClauseRole role, string unit)
    {
        role = role is ClauseRole.Lead or ClauseRole.Support ? role : ClauseRole.Responsible;
        _units.Add((role, unit));
    }

    /// <summary>
    /// Lead = the 牵头 units when any are named, else the responsible units (all units lead when no split is stated).
    /// Support = the 配合 units, and the responsible units when someone else leads, in the order written.
    /// Duplicates are removed; a unit that leads is not also listed as support.
    /// </summary>
    public (string[] Lead, string[] Support) Resolve()
    {
        var hasLead = false;
        var responsible = 0;
        foreach (var (role, _) in _units)
        {
            hasLead |= role == ClauseRole.Lead;
            if (role == ClauseRole.Responsible) responsible++;
        }

        var firstListed = !hasLead && FirstListedLeads && responsible > 1;
        var lead = new List<string>(_units.Count);
        var support = new List<string>(_units.Count);
        var inLead = new HashSet<string>(StringComparer.Ordinal);
        var inSupport = new HashSet<string>(StringComparer.Ordinal);
        var seenResponsible = false;
        foreach (var (role, unit) in _units)
        {
            bool leads;
            if (role == ClauseRole.Responsible && firstListed)
            {
                leads = !seenResponsible;
                seenResponsible = true;
            }
            else
            {
                leads = hasLead ? role == ClauseRole.Lead : role == ClauseRole.Responsible;
            }

            if (leads ? inLead.Add(unit) : inSupport.Add(unit)) (leads ? lead : support).Add(unit);
        }

        var leadArray = lead.Count == 0 ? [] : lead.ToArray();
        support.RemoveAll(inLead.Contains);
        return (leadArray, support.Count == 0 ? [] : support.ToArray());
    }

    public ResponsibilityClause ToClause(int start, int length)
    {
        var (lead, support) = Resolve();
        return new ResponsibilityClause(lead, support, TimeLimit, start, length);
    }
}
