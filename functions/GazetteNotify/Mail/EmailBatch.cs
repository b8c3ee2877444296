using GazetteNotify.Html;

namespace GazetteNotify.Mail;

/// <summary>
/// One digest content for up to 1,000 recipients: rendered once with placeholders for each recipient's own links,
/// substituted per recipient at send time (as SendGrid substitutions do), so recipients never see each other.
/// </summary>
public sealed record EmailBatch(string Run, string Subject, string Html, string Text, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<BatchRecipient> Recipients)
{
    public const int MaxRecipients = 1000;

    public const string ManageSlot = "{{manage}}";
    public const string UnsubscribeSlot = "{{unsubscribe}}";
    public const string OneClickSlot = "{{oneclick}}";

    /// <summary>The links the template is rendered with: placeholders to substitute.</summary>
    public static RecipientLinks Slots { get; } = new(ManageSlot, UnsubscribeSlot, OneClickSlot);

    /// <summary>
    /// This recipient's mail: the placeholders replaced by their own links — in the HTML part encoded as the renderer
    /// encodes every value (the placeholders themselves pass through it unchanged: braces and letters need no encoding).
    /// </summary>
    public RenderedMail For(BatchRecipient recipient)
    {
        string Fill(string template, bool html) => template
            .Replace(ManageSlot, html ? ComponentHtml.Encoder.Encode(recipient.Links.Manage) : recipient.Links.Manage, StringComparison.Ordinal)
            .Replace(UnsubscribeSlot, html ? ComponentHtml.Encoder.Encode(recipient.Links.Unsubscribe) : recipient.Links.Unsubscribe, StringComparison.Ordinal)
            .Replace(OneClickSlot, html ? ComponentHtml.Encoder.Encode(recipient.Links.OneClickUnsubscribe) : recipient.Links.OneClickUnsubscribe, StringComparison.Ordinal);

        return new RenderedMail(recipient.Email, Subject, Fill(Html, html: true), Fill(Text, html: false),
            Headers.ToDictionary(h => h.Key, h => Fill(h.Value, html: false)));
    }
}

/// <summary>A recipient of a batch: address, ledger key, delivery id and their own signed links.</summary>
public sealed record BatchRecipient(string Email, string RecipientKey, string DeliveryId, RecipientLinks Links);
