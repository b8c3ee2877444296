using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// What a relative limit counts from, read from the words just before it: the document (本通知印发之日起, 自发布后), an
/// event (收到申请后, 受理之日起), or nothing named. The words are the last <see cref="Window"/> characters before the
/// limit, whitespace collapsed as a task's excerpt collapses it, from the clause's last 。；;！？、 on.
/// </summary>
internal static partial class AnchorReader
{
    /// <summary>How far back the words are read: an anchor stands right before its limit (本通知印发之日起3个工作日内).</summary>
    private const int Window = 30;

    private static readonly SearchValues<char> Stops = SearchValues.Create("。；;！？、");

    /// <summary>What the limit starting at <paramref name="index"/> of <paramref name="text"/> counts from.</summary>
    public static LimitAnchor Read(string text, int index)
    {
        var before = WordsBefore(text, index);
        var stop = before.AsSpan().LastIndexOfAny(Stops);
        if (stop >= 0) before = before[(stop + 1)..];
        if (DocumentAnchor().IsMatch(before)) return new LimitAnchor(AnchorKind.Document, before);
        if (EventAnchor().IsMatch(before)) return new LimitAnchor(AnchorKind.Event, before.TrimStart('，', ','));
        return new LimitAnchor(AnchorKind.None, before);
    }

    /// <summary>
    /// The last <see cref="Window"/> characters before <paramref name="index"/> with whitespace dropped, except one
    /// space between two ASCII letters or digits (as TaskExcerpt writes the item: the words read here are the words the
    /// excerpt shows). Read backwards, never further than <see cref="PhraseContext.MaxLookBack"/>.
    /// </summary>
    private static string WordsBefore(string text, int index)
    {
        var reversed = new StringBuilder(Window);
        var next = index < text.Length ? text[index] : '\0';
        var gap = false;
        var floor = Math.Max(0, index - PhraseContext.MaxLookBack);
        for (var i = index - 1; i >= floor && reversed.Length < Window; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                gap = true;
                continue;
            }

            if (gap && char.IsAsciiLetterOrDigit(c) && char.IsAsciiLetterOrDigit(next)) reversed.Append(' ');
            gap = false;
            if (reversed.Length < Window) reversed.Append(c);
            next = c;
        }

        var chars = reversed.ToString().ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    [GeneratedRegex(@"(?:本(?:通知|意见|方案|办法|规定|决定|文件|细则|计划)|文件)(?:自)?(?:印发|下发|发布|公布|施行|实施|生效)|(?:印发|下发|发布)(?:之日)?(?:起|后)")]
    private static partial Regex DocumentAnchor();

    [GeneratedRegex(@"收到|受理|接到|接报|发生|申请|提出|发现|立案|办结|之日起|起|后|届满|结束|完成")]
    private static partial Regex EventAnchor();
}
