using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// One subscribe request that was mailed a confirm link, with the preferences it asked for: the link names this row,
/// and confirming activates exactly these preferences (issue 21, finding 4; docs/adr). PartitionKey = SHA-256(address)
/// hex, RowKey = the request id (32 hex, random). Erased when the address is confirmed, or 7 days after the request.
/// </summary>
[StoredIn("SubscribeRequests")]
public sealed class PendingRequestRow : TableRow
{
    [IgnoreDataMember]
    public IReadOnlyList<string> Topics { get => JsonColumn.Read(TopicsJson); set => TopicsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Topics")]
    public string? TopicsJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Keywords { get => JsonColumn.Read(KeywordsJson); set => KeywordsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Keywords")]
    public string? KeywordsJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Issuers { get => JsonColumn.Read(IssuersJson); set => IssuersJson = JsonColumn.Write(value); }

    [DataMember(Name = "Issuers")]
    public string? IssuersJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> DocNumberPrefixes { get => JsonColumn.Read(DocNumberPrefixesJson); set => DocNumberPrefixesJson = JsonColumn.Write(value); }

    [DataMember(Name = "DocNumberPrefixes")]
    public string? DocNumberPrefixesJson { get; set; }

    [IgnoreDataMember]
    public IReadOnlyList<string> Follows { get => JsonColumn.Read(FollowsJson); set => FollowsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Follows")]
    public string? FollowsJson { get; set; }

    public DigestFrequency Frequency { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    [IgnoreDataMember]
    public Preferences Preferences
    {
        get => new(Topics, Keywords, Issuers, DocNumberPrefixes, Frequency) { Follows = Follows };
        set
        {
            Topics = value.Topics;
            Keywords = value.Keywords;
            Issuers = value.Issuers;
            DocNumberPrefixes = value.DocNumberPrefixes;
            Follows = value.Follows;
            Frequency = value.Frequency;
        }
    }
}
