using System.Text;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// The running numbers of a document's lists, read in document order, and the label each numbered paragraph shows
/// ("三、", "（二）", "2.1"). As in Word, the count belongs to the abstract list, so every w:num of one abstract list
/// continues the same sequence; a w:num with a w:startOverride restarts its overridden levels the first time it is used
/// (how Word writes "restart at 1" for the next 通知's 一、); a level restarts when a level above it is used, unless its
/// w:lvlRestart says otherwise.
/// </summary>
internal sealed class ListCounters(WordLists lists)
{
    private readonly Dictionary<int, int?[]> _counts = [];
    private readonly HashSet<int> _started = [];

    /// <summary>Counts the paragraph and returns its label with what follows it (nothing, a space; a tab is written as a space).</summary>
    public string Next(int numId, int level)
    {
        var abstractId = lists.AbstractOf(numId);
        if (!_counts.TryGetValue(abstractId, out var counts))
        {
            counts = new int?[WordLists.MaxLevels];
            _counts[abstractId] = counts;
        }

        if (_started.Add(numId))
        {
            foreach (var restarted in lists.RestartedLevels(numId)) counts[restarted] = null;
        }

        var definition = lists.LevelOf(numId, level);
        counts[level] = counts[level] is { } current ? current + 1 : definition.Start;
        for (var deeper = level + 1; deeper < WordLists.MaxLevels; deeper++)
        {
            var restartAfter = lists.LevelOf(numId, deeper).RestartAfter;
            // Default: any higher level restarts it; w:lvlRestart N: only levels 1…N (0-based below N), and never a level
            // at or below the one restarting; 0: never.
            var threshold = Math.Min(restartAfter ?? deeper, deeper);
            if (level < threshold) counts[deeper] = null;
        }

        var label = Render(numId, definition, counts);
        if (label.Length == 0) return "";
        // A tab after a list number is layout; in the text a tab would mark a table cell, so it is written as a space.
        return definition.Suffix == "nothing" ? label : label + " ";
    }

    /// <summary>The level's pattern with each %N replaced by level N's count in level N's format (decimal for w:isLgl).</summary>
    private string Render(int numId, ListLevel definition, int?[] counts)
    {
        // A bullet says nothing the parser needs, and symbol-font bullets are private-use characters that read as noise.
        if (definition.Text is not { Length: > 0 } pattern || definition.NumberFormat is "bullet" or "none") return "";
        var sb = new StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[i + 1] - '1';
                var referencedLevel = lists.LevelOf(numId, referenced);
                // A level not used yet shows its start value, as Word does for "%1.%2" before any %1 paragraph.
                var value = counts[referenced] ?? referencedLevel.Start;
                sb.Append(ListNumberFormat.Format(value, definition.IsLegal ? "decimal" : referencedLevel.NumberFormat));
                i++;
                continue;
            }

            sb.Append(pattern[i]);
        }

        return sb.ToString();
    }
}
