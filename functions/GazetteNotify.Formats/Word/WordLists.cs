using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GazetteNotify.Formats.Word;

/// <summary>
/// The list definitions of a document (numbering.xml and the styles that carry numbering), and which list and level a
/// paragraph is numbered with. A paragraph is numbered by its own w:numPr, or by its paragraph style's (through w:basedOn),
/// which is how 公文 templates number their 一、 headings; a style that names a list but no level takes the level whose
/// w:pStyle is that style. An abstract list that only links a numbering style (w:numStyleLink) is read through that style.
/// </summary>
internal sealed class WordLists
{
    public const int MaxLevels = 9;

    /// <summary>How far w:basedOn and w:numStyleLink are followed: real templates chain a few; a loop must end.</summary>
    private const int MaxIndirection = 16;

    private readonly Dictionary<int, AbstractList> _abstracts = [];
    private readonly Dictionary<int, ListInstance> _instances = [];
    private readonly Dictionary<string, StyleNumbering> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;

    public static readonly WordLists None = new(null, null);

    private WordLists(Numbering? numbering, Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id) continue;
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            _styles[id] = new StyleNumbering(style.BasedOn?.Val?.Value, numPr?.NumberingId?.Val?.Value, numPr?.NumberingLevelReference?.Val?.Value);
            if (style.Type?.InnerText == "paragraph" && style.Default?.Value == true) _defaultParagraphStyle = id;
        }

        foreach (var abstractNum in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (abstractNum.AbstractNumberId?.Value is not { } id) continue;
            var levels = new ListLevel?[MaxLevels];
            var levelStyles = new string?[MaxLevels];
            foreach (var level in abstractNum.Elements<Level>())
            {
                if (level.LevelIndex?.Value is not { } index || index is < 0 or >= MaxLevels) continue;
                levels[index] = LevelOf(level);
                levelStyles[index] = level.ParagraphStyleIdInLevel?.Val?.Value;
            }

            _abstracts[id] = new AbstractList(levels, levelStyles, abstractNum.NumberingStyleLink?.Val?.Value);
        }

        foreach (var num in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (num.NumberID?.Value is not { } id || num.AbstractNumId?.Val?.Value is not { } abstractId) continue;
            var overrides = new Dictionary<int, LevelOverrideOf>();
            foreach (var levelOverride in num.Elements<LevelOverride>())
            {
                if (levelOverride.LevelIndex?.Value is not { } index || index is < 0 or >= MaxLevels) continue;
                var level = levelOverride.Level is { } full ? LevelOf(full) : null;
                overrides[index] = new LevelOverrideOf(levelOverride.StartOverrideNumberingValue?.Val?.Value, level);
            }

            _instances[id] = new ListInstance(abstractId, overrides);
        }
    }

    public static WordLists Of(MainDocumentPart main) =>
        new(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles);

    /// <summary>The list (w:num id) and 0-based level a paragraph is numbered with, or null when it is not numbered.</summary>
    public (int NumId, int Level)? NumberingOf(ParagraphProperties? properties)
    {
        var numPr = properties?.NumberingProperties;
        var numId = numPr?.NumberingId?.Val?.Value;
        var level = numPr?.NumberingLevelReference?.Val?.Value;
        var styleId = properties?.ParagraphStyleId?.Val?.Value ?? _defaultParagraphStyle;
        if (numId is null && styleId is not null)
        {
            // The style chain: the nearest style that names a list decides it, and its level unless the paragraph gave one.
            var (styleNum, styleLevel, owner) = FromStyle(styleId);
            numId = styleNum;
            level ??= styleLevel ?? (styleNum is { } n && owner is not null ? LevelWithStyle(n, owner) : null);
        }

        // w:numId 0 takes numbering away (a heading style's paragraph written as plain text).
        if (numId is not { } id || id == 0 || !_instances.ContainsKey(id)) return null;
        return (id, Math.Clamp(level ?? 0, 0, MaxLevels - 1));
    }

    /// <summary>The abstract list a w:num counts in: numbers are shared by every w:num of one abstract list, as in Word.</summary>
    public int AbstractOf(int numId) => ResolveAbstract(_instances[numId].AbstractId);

    /// <summary>A level as a w:num sees it: its abstract list's, replaced by a w:lvlOverride's own w:lvl or its w:startOverride.</summary>
    public ListLevel LevelOf(int numId, int level)
    {
        var instance = _instances[numId];
        instance.Overrides.TryGetValue(level, out var levelOverride);
        var definition = levelOverride?.Level
            ?? (_abstracts.TryGetValue(AbstractOf(numId), out var list) ? list.Levels[level] : null)
            ?? ListLevel.Plain;
        return levelOverride?.Start is { } start ? definition with { Start = start } : definition;
    }

    /// <summary>The levels a w:num restarts the first time it is used (those with a w:startOverride).</summary>
    public IEnumerable<int> RestartedLevels(int numId)
    {
        foreach (var (level, levelOverride) in _instances[numId].Overrides)
        {
            if (levelOverride.Start is not null) yield return level;
        }
    }

    /// <summary>An abstract list that only points at a numbering style counts in the list that style numbers with.</summary>
    private int ResolveAbstract(int abstractId)
    {
        for (var hop = 0; hop < MaxIndirection; hop++)
        {
            if (!_abstracts.TryGetValue(abstractId, out var list) || list.StyleLink is not { } styleId) return abstractId;
            var (numId, _, _) = FromStyle(styleId);
            if (numId is not { } id || !_instances.TryGetValue(id, out var linked) || linked.AbstractId == abstractId) return abstractId;
            abstractId = linked.AbstractId;
        }

        return abstractId;
    }

    private (int? NumId, int? Level, string? Owner) FromStyle(string styleId)
    {
        int? level = null;
        var id = styleId;
        for (var hop = 0; hop < MaxIndirection && id is not null && _styles.TryGetValue(id, out var style); hop++)
        {
            level ??= style.Level;
            if (style.NumId is { } numId) return (numId, level, id);
            id = style.BasedOn;
        }

        return (null, null, null);
    }

    private int? LevelWithStyle(int numId, string styleId)
    {
        if (!_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(ResolveAbstract(instance.AbstractId), out var list)) return null;
        var index = Array.IndexOf(list.LevelStyles, styleId);
        return index >= 0 ? index : null;
    }

    private static ListLevel LevelOf(Level level) => new(
        level.StartNumberingValue?.Val?.Value ?? 1,
        level.NumberingFormat?.Val?.InnerText,
        level.LevelText?.Val?.Value,
        level.LevelRestart?.Val?.Value,
        level.IsLegalNumberingStyle is { } legal && (legal.Val?.Value ?? true),
        level.LevelSuffix?.Val?.InnerText ?? "tab");

    private sealed record AbstractList(ListLevel?[] Levels, string?[] LevelStyles, string? StyleLink);

    private sealed record ListInstance(int AbstractId, Dictionary<int, LevelOverrideOf> Overrides);

    private sealed record LevelOverrideOf(int? Start, ListLevel? Level);

    private sealed record StyleNumbering(string? BasedOn, int? NumId, int? Level);
}
