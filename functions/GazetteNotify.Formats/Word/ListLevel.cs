namespace GazetteNotify.Formats.Word;

/// <summary>
/// One level of a Word list (w:lvl): where it starts, how its number is written, when it restarts.
/// </summary>
/// <param name="Start">w:start, 1 when absent (Word's default is 0, but no list of a 公文 counts from 0 unless it says so).</param>
/// <param name="NumberFormat">w:numFmt as its XML name (decimal, chineseCounting…), null for decimal.</param>
/// <param name="Text">w:lvlText, the pattern with %1…%9 standing for the counters of levels 1…9 ("%1、", "（%2）", "%1.%2").</param>
/// <param name="RestartAfter">w:lvlRestart: restart when a level above this 1-based level is used; 0 never; null restarts after any higher level.</param>
/// <param name="IsLegal">w:isLgl: every counter in the pattern is written in decimal (1.1, not 一.1).</param>
/// <param name="Suffix">What follows the number: w:suff "nothing", "space", or "tab" (the default).</param>
internal sealed record ListLevel(int Start, string? NumberFormat, string? Text, int? RestartAfter, bool IsLegal, string Suffix)
{
    public static readonly ListLevel Plain = new(1, null, null, null, false, "tab");
}
