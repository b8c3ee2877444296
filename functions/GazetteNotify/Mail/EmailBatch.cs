using GazetteNotify.Alerts;

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

    /// <summary>This recipient's mail: the placeholders replaced by their own links (escaped in the HTML part).</summary>
    public RenderedMail For(BatchRecipient recipient)
    {
        string Fill(string template, bool html) => template
            .Replace(ManageSlot, html ? HtmlText.Escape(recipient.Links.Manage) : recipient.Links.Manage, StringComparison.Ordinal)
            .Replace(UnsubscribeSlot, html ? HtmlText.Escape(recipient.Links.Unsubscribe) : recipient.Links.Unsubscribe, StringComparison.Ordinal)
            .Replace(OneClickSlot, html ? HtmlText.Escape(recipient.Links.OneClickUnsubscribe) : recipient.Links.OneClickUnsubscribe, StringComparison.Ordinal);

        return new RenderedMail(recipient.Email, Subject, Fill(Html, html: true), Fill(Text, html: false),
            Headers.ToDictionary(h => h.Key, h => Fill(h.Value, html: false)));
    }
}

/// <summary>A recipient of a batch: address, ledger key, delivery id and their own signed links.</summary>
public sealed record BatchRecipient(string Email, string RecipientKey, string DeliveryId, RecipientLinks Links);
