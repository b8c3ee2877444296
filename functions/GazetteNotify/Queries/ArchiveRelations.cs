namespace GazetteNotify.Queries;

/// <summary>
/// Stored documents linked by 发文字号: Cites by the number this one cites or repeals; CitedBy those citing it;
/// RepealedBy those repealing it (it is superseded).
/// </summary>
public sealed record ArchiveRelations(IReadOnlyDictionary<string, ArchiveLink> Cites, IReadOnlyList<ArchiveLink> CitedBy, IReadOnlyList<ArchiveLink> RepealedBy)
{
    public static ArchiveRelations None { get; } = new(new Dictionary<string, ArchiveLink>(), [], []);
}
