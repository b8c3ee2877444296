using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Parsing.Deadlines;

/// <summary>
/// What a relative or repeating limit states besides its day, so that nobody reads its text again: a count's span and
/// what it counts from, a repeating limit's rule. Only called on such a limit, which is rare: the phrase's form and
/// parts are read again here rather than carried through every hit.
/// </summary>
internal static class LimitTerms
{
    /// <summary><paramref name="limit"/>, found at [<paramref name="index"/>, <paramref name="end"/>) of <paramref name="text"/>, with its terms.</summary>
    public static Deadline Complete(Deadline limit, string text, int index, int end)
    {
        if (limit.Kind is not (DeadlineKind.Relative or DeadlineKind.Recurring)) return limit;
        var form = DeadlinePatterns.FormAt(text, index);
        var phrase = text.AsSpan(index, end - index);
        if (limit.Kind == DeadlineKind.Recurring)
        {
            return limit with { Recurrence = RecurrenceReader.Read(phrase, form, PhraseReader.Read(phrase, form)) };
        }

        // Only a count has a length: 次月10日前, 次年的2月底前 are relative too, but to a month of an event's year.
        return limit with
        {
            Span = form == PhraseForm.Relative ? SpanReader.Read(phrase) : null,
            Anchor = AnchorReader.Read(text, index),
        };
    }
}
