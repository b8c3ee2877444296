using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>
/// What a relative limit counts from, read from the words before it in its clause: the document itself
/// (本通知印发之日起), an event (收到申请后, 受理之日起), or nothing named. <see cref="Words"/> are those words as the
/// text has them, whitespace dropped: at most 30 characters, from the clause's last 。；;！？、 on.
/// </summary>
public sealed record LimitAnchor(AnchorKind Kind, string Words);

[JsonConverter(typeof(JsonStringEnumConverter<AnchorKind>))]
public enum AnchorKind
{
    /// <summary>Nothing the limit counts from is named (…的3个工作日内拨付到位): a rule of procedure, most likely.</summary>
    [JsonStringEnumMemberName("none")]
    None,
    /// <summary>The document's issue: 本通知印发之日起, 自发布后, 下发后.</summary>
    [JsonStringEnumMemberName("document")]
    Document,
    /// <summary>Something that happens to someone: 收到申请后, 受理之日起, 发生突发事件后.</summary>
    [JsonStringEnumMemberName("event")]
    Event,
}
