using GazetteNotify.Mail;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// What a confirm link's sealed token names: the request id and the address ("{id} {address}"; a space never occurs in
/// an address). Links sent before requests had ids name the address alone: <see cref="TryParse"/> refuses those.
/// </summary>
public static class ConfirmSubject
{
    public static string Format(EmailAddress email, string requestId) => requestId + " " + email.Value;

    public static bool TryParse(string? subject, out EmailAddress? email, out string? requestId)
    {
        email = null;
        requestId = null;
        var space = subject?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0 || !PendingRequests.IsRequestId(subject![..space]) || !EmailAddress.TryParse(subject[(space + 1)..], out email)) return false;
        requestId = subject[..space];
        return true;
    }
}
