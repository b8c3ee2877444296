using System.Runtime.Serialization;
using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// The preference columns a subscription and a pending subscribe request both store, by the same names (lists as JSON,
/// the frequency by its enum name), so a request's preferences become the subscription's unchanged.
/// </summary>
public abstract class PreferencesRow : TableRow
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

    /// <summary>Doc numbers followed: later documents citing, amending or repealing them reach the subscriber.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Follows { get => JsonColumn.Read(FollowsJson); set => FollowsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Follows")]
    public string? FollowsJson { get; set; }

    public DigestFrequency Frequency { get; set; }

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
