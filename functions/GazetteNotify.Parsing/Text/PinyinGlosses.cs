using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Text;

/// <summary>
/// Some mirror sites print a pinyin reading after characters: 滬府發(fā)〔2017〕92號, 關(guān)於. No government document
/// writes a toned syllable in brackets after a character, and left in, the glosses break the number, the title and
/// every unit name; they are taken out.
/// </summary>
public static partial class PinyinGlosses
{
    /// <summary>Fewer than this many is a stray bracket, not a site's annotation: the text is left as it is.</summary>
    private const int MinimumGlosses = 3;

    /// <summary>Removes the glosses from each line, in place, when the text carries them; returns how many went.</summary>
    public static int Strip(string[] lines)
    {
        var found = 0;
        foreach (var line in lines)
        {
            if (line.Contains('(', StringComparison.Ordinal)) found += Gloss().Count(line);
            if (found >= MinimumGlosses) break;
        }

        if (found < MinimumGlosses) return 0;
        var removed = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('(', StringComparison.Ordinal)) continue;
            var count = Gloss().Count(lines[i]);
            if (count == 0) continue;
            removed += count;
            lines[i] = Gloss().Replace(lines[i], "");
        }

        return removed;
    }

    /// <summary>A syllable with a tone mark (ā á ǎ à …, ü forms), in brackets of either width, right after an ideograph.</summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]*\s*[)）]")]
    private static partial Regex Gloss();
}
