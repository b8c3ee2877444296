using System.Runtime.Serialization;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A row of the Deadlines table: one time limit of one task. Partition = the due year (2022), <c>recurring</c>
/// (每月10日前) or <c>undated</c> (waiting for the admin's review); row = date|issue|doc|task|n, the date being the
/// partition's name for the last two (<see cref="DeadlinePartition"/>). The task's text and units are copied in, so a
/// reminder window is one range scan without reading Tasks.
/// </summary>
[StoredIn("Deadlines")]
public sealed class DeadlineRow : TableRow
{
    /// <summary>Where a limit the admin gave a day says so in its basis (rows settled before <see cref="Settled"/> existed carry only this).</summary>
    public const string AdminBasis = "set by the admin";

    public string? IssueKey { get; set; }

    public string? DocOrdinal { get; set; }

    public string? TaskOrdinal { get; set; }

    public string? DocNumber { get; set; }

    /// <summary>The document's title.</summary>
    public string? Title { get; set; }

    public string? Item { get; set; }

    /// <summary>The task's clause, as written.</summary>
    public string? Excerpt { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Lead { get => JsonColumn.Read(LeadJson); set => LeadJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Lead")]
    public string? LeadJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Support { get => JsonColumn.Read(SupportJson); set => SupportJson = IssueRows.ListJson(value); }

    [DataMember(Name = "Support")]
    public string? SupportJson { get; set; }

    /// <summary>The limit as written (6月底前).</summary>
    public string? Phrase { get; set; }

    [IgnoreDataMember]
    public DeadlineKind? Kind { get => StoredName.Parse<DeadlineKind>(KindName); set => KindName = value is { } k ? StoredName.Of(k) : null; }

    /// <summary>The stored column: deadline, target, relative or recurring.</summary>
    [DataMember(Name = "Kind")]
    public string? KindName { get; set; }

    /// <summary>The day it is due; none while it waits for review, nor for a repeating limit.</summary>
    [IgnoreDataMember]
    public DateOnly? Date { get => StoredDate.Parse(DateText); set => DateText = StoredDate.Of(value); }

    [DataMember(Name = "Date")]
    public string? DateText { get; set; }

    /// <summary>The day the resolver would give a limit waiting for review (counted from the signing date), for the admin.</summary>
    [IgnoreDataMember]
    public DateOnly? Suggested { get => StoredDate.Parse(SuggestedText); set => SuggestedText = StoredDate.Of(value); }

    [DataMember(Name = "Suggested")]
    public string? SuggestedText { get; set; }

    /// <summary>How the date was reached (the resolver's words, or <see cref="AdminBasis"/>).</summary>
    public string? Basis { get; set; }

    /// <summary>Why the limit waits for review; null once it has a day.</summary>
    public string? Review { get; set; }

    [IgnoreDataMember]
    public DateOnly? SignedDate { get => StoredDate.Parse(SignedDateText); set => SignedDateText = StoredDate.Of(value); }

    /// <summary>The document's signing date.</summary>
    [DataMember(Name = "SignedDate")]
    public string? SignedDateText { get; set; }

    [IgnoreDataMember]
    public DateOnly? ValidUntil { get => StoredDate.Parse(ValidUntilText); set => ValidUntilText = StoredDate.Of(value); }

    /// <summary>The last day the document is in force, when it says.</summary>
    [DataMember(Name = "ValidUntil")]
    public string? ValidUntilText { get; set; }

    /// <summary>A repeating limit's period as the parser stated it (<see cref="RecurrenceColumns"/>): monthly, quarterly, halfYearly, yearly.</summary>
    [DataMember(Name = "RecurrencePeriod")]
    public string? RecurrencePeriodName { get; set; }

    /// <summary>The month of each period (null for monthly rules).</summary>
    public int? RecurrenceMonth { get; set; }

    /// <summary>The day of that month; null: its last day.</summary>
    public int? RecurrenceDay { get; set; }

    /// <summary>The admin gave it a day: a new parse of the issue keeps this row rather than the parse's undated one.</summary>
    public bool? Settled { get; set; }

    /// <summary>The admin judged it no deadline: kept in <c>undated</c>, never reminded.</summary>
    public bool? Dismissed { get; set; }

    public string? DismissNote { get; set; }

    /// <summary>issue|doc|task|n: the limit, whatever its date (the row key after the date).</summary>
    [IgnoreDataMember]
    public string LimitKey => RowKey[(RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>issue|doc|task: the task the limit belongs to.</summary>
    [IgnoreDataMember]
    public string TaskKey => LimitKey[..Math.Max(LimitKey.LastIndexOf('|'), 0)];

    /// <summary>Settled by the admin, by the flag or, on rows from before it, by the basis.</summary>
    [IgnoreDataMember]
    public bool IsSettled => Settled == true || Basis?.StartsWith(AdminBasis, StringComparison.Ordinal) == true;

    /// <summary>Names the unit as lead or support (as written, or part of it).</summary>
    public bool Names(string unit) => Lead.Any(u => u.Contains(unit, StringComparison.Ordinal)) || Support.Any(u => u.Contains(unit, StringComparison.Ordinal));
}
