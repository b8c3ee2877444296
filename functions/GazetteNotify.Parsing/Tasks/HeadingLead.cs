namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// A numbered heading that names who leads the items under it: （一）省监察厅牵头的工作, 二、市财政局负责的事项,
/// （三）由市发改委牵头的任务. A person's heading (孟学农省长负责的工作) names no unit and is not one.
/// </summary>
internal static class HeadingLead
{
    private static readonly string[] Endings = ["的重点工作", "的重点任务", "的工作任务", "的工作", "的任务", "的事项"];

    /// <summary>The leading units named by <paramref name="heading"/> (its number already removed), or null.</summary>
    public static IReadOnlyList<string>? Read(ReadOnlySpan<char> heading)
    {
        heading = UnitShape.TrimDecoration(heading).TrimEnd("。：:");
        if (heading.Length > 60) return null;
        var cut = -1;
        foreach (var e in Endings)
        {
            if (heading.EndsWith(e))
            {
                cut = heading.Length - e.Length;
                break;
            }
        }

        if (cut <= 0) return null;
        var head = heading[..cut];
        if (head.StartsWith("由")) head = head[1..];
        if (!RoleTail.TryStrip(head, out var unitsLength, out var role) || role == ClauseRole.Support) return null;

        List<string>? units = null;
        UnitSplitter.Split(head[..unitsLength], ref units);
        if (units is null) return null;
        foreach (var u in units)
        {
            if (!UnitShape.IsUnitLike(u)) return null;
        }

        return units;
    }
}
