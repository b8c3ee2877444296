using System.Text;

namespace GazetteNotify.Departments;

/// <summary>
/// The trivial cleanup every unit and every alias goes through before they are compared: whitespace (also the
/// ideographic space and the zero-width characters PDF extraction leaves) removed, half-width parentheses made
/// full-width. Nothing else: anything that could change which body a name means is a normalisation rule.
/// </summary>
internal static class UnitKey
{
    public static string Clean(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            key.Append(c switch { '(' => '（', ')' => '）', _ => c });
        }

        return key.ToString();
    }
}
