namespace GazetteNotify.Subscriptions;

/// <summary>What pressing 确认订阅 did.</summary>
public enum ConfirmOutcome
{
    /// <summary>The request the link names is now the active subscription, with that request's preferences.</summary>
    Confirmed,
    /// <summary>The address was already active: nothing changed (preferences change only through the manage link).</summary>
    AlreadyActive,
    /// <summary>No such request any more (erased, expired, already used) or the address was unsubscribed: nothing changed.</summary>
    Gone,
}
