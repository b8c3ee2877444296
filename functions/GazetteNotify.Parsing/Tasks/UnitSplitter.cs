using System.Buffers;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// Splits a list of units as written (市财政局、市税务局；各县（市、区）政府和市属开发区管委会等) into one unit per entry.
/// </summary>
/// <remarks>
/// Separators are 、 ， , ； ; and spaces between whole names — never inside parentheses, so 各县（市、区）人民政府 and
/// 市教育局（市委教育工委） stay whole, and never before an item that is only part of a unit (<see cref="UnitGroup"/>).
/// 和 / 及 / 以及 / 与 separate two units only when the text before them already ends like an organisation and the text
/// after them is a full organisation name (市属开发区管委会和市国土局), so 市住房和城乡建设局, 市自然资源和规划局 and
/// 各县（市、区）党委和政府 are left alone. A trailing 等 (and 等部门 / 等有关部门 / 等市直部门) is dropped, as are
/// surrounding spaces, Markdown <c>**</c> and dash placeholders (——). Duplicates are removed, order kept.
/// </remarks>
public static class UnitSplitter
{
    /// <summary>
    /// No list of units comes near this (the samples: 12 at most); entries past it are dropped, which bounds the
    /// duplicate check (a hostile list of 80,000 units took minutes) and lets the parser refuse the clause as implausible.
    /// </summary>
    public const int MaxEntries = 200;

    /// <summary>No unit's name comes near this (the samples: 14 characters at most): a longer entry is not a unit and is dropped.</summary>
    public const int MaxEntryLength = 60;

    /// <summary>
    /// Entries longer than this are not looked into for spaces (twenty names parted by spaces fit): the word-by-word
    /// reading is quadratic, and a longer entry is prose that is dropped anyway.
    /// </summary>
    private const int MaxSpacedLength = 400;

    /// <summary>Splits a list of units as written into one unit per entry.</summary>
    public static IReadOnlyList<string> Split(string units)
    {
        if (string.IsNullOrEmpty(units)) return [];
        List<string>? result = null;
        Split(units.AsSpan(), ref result);
        return result is null ? [] : result.ToArray();
    }

    /// <summary>Appends the entries of <paramref name="units"/> to <paramref name="into"/> (created on first entry), skipping duplicates.</summary>
    internal static void Split(ReadOnlySpan<char> units, ref List<string>? into)
    {
        var depth = 0;
        var start = 0;
        var groupStart = 0;
        for (var i = 0; i < units.Length; i++)
        {
            var c = units[i];
            if (UnitShape.IsOpen(c))
            {
                depth++;
                continue;
            }

            if (UnitShape.IsClose(c))
            {
                if (depth > 0) depth--;
                continue;
            }

            if (depth > 0) continue;

            if (c is '、' or '，' or ',' or '；' or ';' or '\t' or '\n')
            {
                // 各区、县（市）政府 / 市直有关部门、单位: the item before 、 may be only part of a unit.
                if (c == '、' && JoinsNext(units, groupStart, i))
                {
                    start = i + 1;
                    continue;
                }

                AddEntry(units[groupStart..i], ref into);
                start = groupStart = i + 1;
                continue;
            }

            var conjunction = ConjunctionLength(units, i);
            if (conjunction > 0 && SeparatesUnits(units[start..i], units[(i + conjunction)..]))
            {
                AddEntry(units[groupStart..i], ref into);
                start = groupStart = i + conjunction;
                i = start - 1;
            }
        }

        AddEntry(units[groupStart..], ref into);
    }

    /// <summary>True when the item after the 、 at <paramref name="comma"/> belongs to the group before it.</summary>
    private static bool JoinsNext(ReadOnlySpan<char> units, int groupStart, int comma)
    {
        var depth = 0;
        var end = units.Length;
        for (var k = comma + 1; k < units.Length; k++)
        {
            var c = units[k];
            if (UnitShape.IsOpen(c)) depth++;
            else if (UnitShape.IsClose(c)) { if (depth > 0) depth--; }
            else if (depth == 0 && (c is '、' or '，' or ',' or '；' or ';' or '\t' or '\n' || ConjunctionLength(units, k) > 0))
            {
                end = k;
                break;
            }
        }

        var item = StripEtc(Clean(units[(comma + 1)..end]));
        return UnitGroup.JoinsPrevious(Clean(units[groupStart..comma]), item);
    }

    /// <summary>Length of 和 / 及 / 与 / 以及 at <paramref name="i"/>, or 0.</summary>
    private static int ConjunctionLength(ReadOnlySpan<char> s, int i) => s[i] switch
    {
        '和' or '及' or '与' => 1,
        '以' when i + 1 < s.Length && s[i + 1] == '及' => 2,
        _ => 0,
    };

    /// <summary>
    /// A conjunction separates units when the left part ends like an organisation and the right part, up to the next
    /// separator, is itself an organisation name of at least three characters (so 党委和政府 stays whole).
    /// </summary>
    private static bool SeparatesUnits(ReadOnlySpan<char> left, ReadOnlySpan<char> rest)
    {
        left = UnitShape.TrimTrailingGroups(UnitShape.TrimDecoration(left));
        if (left.Length < 2 || !UnitShape.EndsWithOrgSuffix(StripEtc(left))) return false;

        var depth = 0;
        var end = rest.Length;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (UnitShape.IsOpen(c)) depth++;
            else if (UnitShape.IsClose(c)) { if (depth > 0) depth--; }
            else if (depth == 0 && c is '、' or '，' or ',' or '；' or ';' or '\t' or '\n')
            {
                end = i;
                break;
            }
        }

        var right = UnitShape.TrimTrailingGroups(StripEtc(UnitShape.TrimDecoration(rest[..end])));
        return right.Length >= 3 && UnitShape.EndsWithOrgSuffix(right);
    }

    private static void AddEntry(ReadOnlySpan<char> entry, ref List<string>? into)
    {
        entry = Clean(entry);
        if (entry.Length <= MaxSpacedLength && entry.IndexOfAny(' ', '\u3000', '\u00A0') >= 0)
        {
            AddSpaced(entry, ref into);
            return;
        }

        AddWord(entry, ref into);
    }

    /// <summary>
    /// Spaces inside an entry either separate two units (市财政局 市税务局) or are stray spaces inside one name, as
    /// some pages print them (市 财政局, 伏羲 山管委 会): a space separates only when the text before it is already a unit
    /// and the words after it make one; otherwise the space is dropped.
    /// </summary>
    private static void AddSpaced(ReadOnlySpan<char> entry, ref List<string>? into)
    {
        var words = new List<string>();
        var depth = 0;
        var wordStart = 0;
        for (var i = 0; i <= entry.Length; i++)
        {
            var atEnd = i == entry.Length;
            var c = atEnd ? ' ' : entry[i];
            if (UnitShape.IsOpen(c)) depth++;
            else if (UnitShape.IsClose(c)) { if (depth > 0) depth--; }
            if (!atEnd && (depth > 0 || c is not (' ' or '\u3000' or '\u00A0'))) continue;
            if (i > wordStart) words.Add(entry[wordStart..i].ToString());
            wordStart = i + 1;
        }

        var current = "";
        for (var w = 0; w < words.Count; w++)
        {
            if (current.Length > 0 && UnitShape.IsUnitLike(StripEtc(current)) && StartsAUnit(words, w))
            {
                AddWord(current, ref into);
                current = "";
            }

            current += words[w];
        }

        AddWord(current, ref into);

        static bool StartsAUnit(List<string> words, int from)
        {
            var joined = "";
            for (var k = from; k < words.Count && joined.Length <= MaxEntryLength; k++)
            {
                joined += words[k];
                if (UnitShape.IsUnitLike(StripEtc(joined))) return true;
            }

            return false;
        }
    }

    private static void AddWord(ReadOnlySpan<char> entry, ref List<string>? into)
    {
        entry = StripEtc(WithoutNote(entry));
        if (entry.IsEmpty || entry.Length > MaxEntryLength) return;

        // Markdown bold inside an entry (市**财政局**) is decoration too.
        var starless = entry.Contains('*') ? entry.ToString().Replace("*", "", StringComparison.Ordinal) : null;
        var key = starless is null ? entry : starless.AsSpan();
        if (key.IsEmpty) return;

        into ??= new List<string>(4);
        if (into.Count >= MaxEntries) return;
        foreach (var existing in into)
        {
            if (key.SequenceEqual(existing)) return;
        }

        into.Add(starless ?? entry.ToString());
    }

    /// <summary>Trims spaces, Markdown asterisks, dash placeholders and stray quotes from both ends.</summary>
    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && IsJunk(s[a])) a++;
        while (b > a && IsJunk(s[b - 1])) b--;
        return s[a..b];

        static bool IsJunk(char c) => UnitShape.IsDecoration(c) || UnitShape.IsDash(c) || c is '。' or '.' or '“' or '”' or '"';
    }

    private static readonly SearchValues<char> NotePunctuation = SearchValues.Create("，,。；;：:“”\"");

    /// <summary>
    /// Drops a note in parentheses after the last unit of a list — 市卫生健康委（除标注“分别牵头”外，列第一位为牵头单位，
    /// 下同） → 市卫生健康委: a group holding sentence punctuation or quotes is prose, not part of a name
    /// (市教育局（市委教育工委） and 各县（市、区） keep theirs).
    /// </summary>
    private static ReadOnlySpan<char> WithoutNote(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || !UnitShape.IsClose(s[^1])) return s;
        var core = UnitShape.TrimTrailingGroups(s);
        if (core.Length == s.Length || core.IsEmpty) return s;
        return s[core.Length..].IndexOfAny(NotePunctuation) >= 0 ? UnitShape.TrimDecoration(core) : s;
    }

    /// <summary>
    /// Drops 等 and what follows it when the text before 等 already ends like an organisation:
    /// 聊城海关等 → 聊城海关, 市住建局等部门 → 市住建局, 市公路局等市直部门 → 市公路局.
    /// </summary>
    internal static ReadOnlySpan<char> StripEtc(ReadOnlySpan<char> s)
    {
        for (var i = s.Length - 1; i >= 2; i--)
        {
            if (s[i] != '等') continue;
            var left = UnitShape.TrimTrailingGroups(s[..i]);
            if (UnitShape.EndsWithOrgSuffix(left) || (i == s.Length - 1 && left.Length >= 2))
            {
                return UnitShape.TrimDecoration(s[..i]);
            }
        }

        return s;
    }
}
