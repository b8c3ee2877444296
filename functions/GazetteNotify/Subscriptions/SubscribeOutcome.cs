namespace GazetteNotify.Subscriptions;

/// <summary>What a subscribe request led to, and so which mail (if any) to send.</summary>
public enum SubscribeOutcome
{
    /// <summary>New or renewed pending subscription: send the confirmation mail.</summary>
    SendConfirmation,
    /// <summary>The address is already active: send a link to manage it (preferences are not changed by a stranger).</summary>
    SendManageLink,
    /// <summary>A mail went to this address less than 10 minutes ago: send nothing.</summary>
    Throttled,
}
