namespace GazetteNotify.Parsing.Body;

/// <summary>署名 and 成文日期: the organ above (or before) the date that closes a document or its covering notice.</summary>
internal sealed record Signature(string? Organ, DateOnly Date, int DateLine)
{
    /// <summary>
    /// The first signature in the document. For 关于印发X的通知 that is the notice's own, printed before the attached X.
    /// A date line counts when an organ stands right above it (or before it on the line), or when it ends the document.
    /// </summary>
    public static Signature? Find(IReadOnlyList<string> lines, int from)
    {
        var lastNonBlank = lines.Count - 1;
        while (lastNonBlank >= 0 && lines[lastNonBlank].Length == 0) lastNonBlank--;
        for (var i = Math.Max(0, from); i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.Length > 48) continue;
            var date = LineShapes.ParseDateLine(line, out var organPrefix);
            if (date is null) continue;
            if (organPrefix is not null) return new Signature(organPrefix, date.Value, i);
            var above = PreviousNonBlank(lines, i);
            if (above >= 0 && LineShapes.IsOrgan(lines[above])) return new Signature(Text.TextShape.Squash(lines[above]), date.Value, i);
            if (i == lastNonBlank) return new Signature(null, date.Value, i);
        }

        return null;
    }

    private static int PreviousNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i - 1; j >= 0 && j >= i - 3; j--)
        {
            if (lines[j].Length > 0) return j;
        }

        return -1;
    }
}
