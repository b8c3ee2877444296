namespace GazetteNotify.Departments;

/// <summary>What a unit named in a responsibility clause turned out to be.</summary>
public enum ResolutionKind
{
    /// <summary>One department.</summary>
    Department,

    /// <summary>A group; its member departments are the recipients.</summary>
    Group,

    /// <summary>A collective phrase (市直有关部门) that no mailbox answers for: report it, do not guess.</summary>
    NotRecipient,

    /// <summary>Unknown, or ambiguous: report it, do not guess.</summary>
    Unmapped,
}
