using System.Runtime.Serialization;
using GazetteNotify.Formats;
using GazetteNotify.Storage;

namespace GazetteNotify.Documents;

/// <summary>
/// A row of the Issues table (partition <c>issues</c>): an ingested upload under its issue key (2022-06), or a refused
/// one under <c>rejected-{sha16}</c>. One type for both: the status tells them apart, and a refusal leaves the counts at 0.
/// </summary>
[StoredIn("Issues")]
public sealed class IssueRow : TableRow
{
    [IgnoreDataMember]
    public IssueStatus? Status { get => StoredName.Parse<IssueStatus>(StatusName); set => StatusName = value is { } s ? StoredName.Of(s) : null; }

    /// <summary>The stored column: ingested or rejected.</summary>
    [DataMember(Name = "Status")]
    public string? StatusName { get; set; }

    public string? Title { get; set; }

    public int? Year { get; set; }

    /// <summary>The issue's numbers, comma-separated (10,11 for a double issue).</summary>
    public string? IssueNumbers { get; set; }

    public string? CumulativeNumbers { get; set; }

    public string? ContentSha256 { get; set; }

    /// <summary>The upload's name in gazette-issues.</summary>
    public string? BlobName { get; set; }

    /// <summary>The text encoding the upload was read in (or the reader's own word for a PDF, Word file, web page).</summary>
    public string? Encoding { get; set; }

    public UploadFormat? Reader { get; set; }

    public int Documents { get; set; }

    public int Tasks { get; set; }

    public int Deadlines { get; set; }

    public int WarningCount { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Warnings => JsonColumn.Read(WarningsJson);

    /// <summary>The parser's warnings as a JSON list; null when they do not fit a property (then see <see cref="WarningsBlob"/>).</summary>
    [DataMember(Name = "Warnings")]
    public string? WarningsJson { get; set; }

    /// <summary>Where the warnings are when too many for a property: the issue's issue.json.</summary>
    public string? WarningsBlob { get; set; }

    /// <summary>Why the upload was refused.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset? IngestedAt { get; set; }

    /// <summary>A refused upload's copy in gazette-quarantine.</summary>
    public string? QuarantineBlob { get; set; }

    /// <summary>Where the parse of the version this upload replaced is kept (gazette-parsed).</summary>
    public string? ReplacedVersion { get; set; }

    /// <summary>What this version has fewer of than the one it replaced, in words; null when nothing.</summary>
    public string? Lost { get; set; }
}

/// <summary>What an Issues row says of its upload (stored, and shown in JSON, as ingested / rejected).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StoredNameJsonConverter<IssueStatus>))]
public enum IssueStatus
{
    Ingested,
    Rejected,
}
