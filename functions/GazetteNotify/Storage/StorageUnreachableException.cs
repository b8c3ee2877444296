using System.Net.Sockets;
using Azure;

namespace GazetteNotify.Storage;

/// <summary>Storage could not be reached: which endpoint, and what to start. Carries no secrets.</summary>
public sealed class StorageUnreachableException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>
    /// True for failures to connect at all (refused, unresolvable, timed out) as opposed to a storage error reply.
    /// The SDK wraps them in <see cref="RequestFailedException"/> or <see cref="AggregateException"/> after retries.
    /// </summary>
    public static bool IsConnectionFailure(Exception e) => e switch
    {
        StorageUnreachableException => true,
        HttpRequestException or SocketException or TaskCanceledException or TimeoutException => true,
        RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConnectionFailure),
        _ => e.InnerException is not null && IsConnectionFailure(e.InnerException),
    };

    public static StorageUnreachableException For(StorageSettings settings, string service, Exception inner)
    {
        var where = settings.Describe(service);
        var hint = settings.AccountName is null
            ? "Start the emulator with `npm run azurite` (or `bash scripts/start-azurite.sh`), or set GazetteStorage to a connection string."
            : "Check the account name, the network and the identity's role assignments.";
        return new StorageUnreachableException($"cannot reach Azure Storage ({service}) at {where}. {hint}", inner);
    }
}
