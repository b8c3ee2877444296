namespace GazetteNotify.Formats.Pdf;

/// <summary>A horizontal or vertical drawn line: at <see cref="Position"/> (y or x) from <see cref="From"/> to <see cref="To"/>.</summary>
internal readonly record struct RuleSegment(bool Horizontal, double Position, double From, double To)
{
    public double Length => To - From;

    /// <summary>Whether this rule crosses or touches the other, perpendicular one (within <paramref name="slack"/> points).</summary>
    public bool Touches(RuleSegment other, double slack) =>
        Horizontal != other.Horizontal
        && other.Position >= From - slack && other.Position <= To + slack
        && Position >= other.From - slack && Position <= other.To + slack;
}
