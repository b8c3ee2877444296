using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace GazetteNotify.Formats.Pdf;

/// <summary>
/// The table rules a page draws. Producers draw a border either as a stroked line (Word, LibreOffice) or as a thin
/// filled rectangle (Chromium, 0.75 pt wide); both become <see cref="RuleSegment"/>s, and pieces of one rule (a border
/// drawn cell by cell) are merged. Large filled rectangles are cell shading, not rules; curves are not rules.
/// </summary>
internal static class RuleCollector
{
    /// <summary>A filled rectangle at most this thick is a rule.</summary>
    private const double MaxRuleThickness = 3;

    /// <summary>Shorter pieces are not rules (bullets, underline dots).</summary>
    private const double MinRuleLength = 4;

    private const double Slack = 1.5;

    public static List<RuleSegment> Collect(IReadOnlyList<PdfPath> paths)
    {
        var pieces = new List<RuleSegment>();
        foreach (var path in paths)
        {
            if (path.IsClipping || !path.IsFilled && !path.IsStroked) continue;
            foreach (var subpath in path)
            {
                if (path.IsFilled && !path.IsStroked) AddFilled(subpath, pieces);
                else AddStroked(subpath, pieces);
            }
        }

        return Merge(pieces);
    }

    private static void AddFilled(PdfSubpath subpath, List<RuleSegment> pieces)
    {
        if (subpath.Commands.Any(c => c is PdfSubpath.BezierCurve)) return;
        var box = subpath.GetBoundingRectangle();
        if (box is not { } r) return;
        if (r.Height <= MaxRuleThickness && r.Width >= MinRuleLength)
        {
            pieces.Add(new RuleSegment(true, (r.Bottom + r.Top) / 2, r.Left, r.Right));
        }
        else if (r.Width <= MaxRuleThickness && r.Height >= MinRuleLength)
        {
            pieces.Add(new RuleSegment(false, (r.Left + r.Right) / 2, r.Bottom, r.Top));
        }
    }

    private static void AddStroked(PdfSubpath subpath, List<RuleSegment> pieces)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    AddLine(line.From, line.To, pieces);
                    start ??= line.From;
                    current = line.To;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
                case PdfSubpath.Close:
                    if (start is { } s && current is { } c) AddLine(c, s, pieces);
                    current = start;
                    break;
            }
        }
    }

    private static void AddLine(PdfPoint from, PdfPoint to, List<RuleSegment> pieces)
    {
        if (Math.Abs(from.Y - to.Y) < 0.5 && Math.Abs(from.X - to.X) >= MinRuleLength)
        {
            pieces.Add(new RuleSegment(true, (from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        }
        else if (Math.Abs(from.X - to.X) < 0.5 && Math.Abs(from.Y - to.Y) >= MinRuleLength)
        {
            pieces.Add(new RuleSegment(false, (from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
        }
    }

    /// <summary>Collinear pieces that overlap or touch become one rule.</summary>
    private static List<RuleSegment> Merge(List<RuleSegment> pieces)
    {
        var merged = new List<RuleSegment>(pieces.Count);
        foreach (var group in pieces.GroupBy(p => p.Horizontal))
        {
            var sorted = group.OrderBy(p => p.Position).ThenBy(p => p.From).ToList();
            var used = new bool[sorted.Count];
            for (var i = 0; i < sorted.Count; i++)
            {
                if (used[i]) continue;
                // The pieces on this line (positions within the slack), merged left to right.
                var line = new List<RuleSegment>();
                for (var j = i; j < sorted.Count && sorted[j].Position - sorted[i].Position <= Slack; j++)
                {
                    if (used[j]) continue;
                    used[j] = true;
                    line.Add(sorted[j]);
                }

                line.Sort((a, b) => a.From.CompareTo(b.From));
                var position = line.Average(p => p.Position);
                var from = line[0].From;
                var to = line[0].To;
                foreach (var piece in line.Skip(1))
                {
                    if (piece.From <= to + Slack)
                    {
                        to = Math.Max(to, piece.To);
                        continue;
                    }

                    merged.Add(new RuleSegment(group.Key, position, from, to));
                    from = piece.From;
                    to = piece.To;
                }

                merged.Add(new RuleSegment(group.Key, position, from, to));
            }
        }

        return merged;
    }
}
