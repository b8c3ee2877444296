using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// The SubscribeRequests table: each mailed subscribe request with its own preferences (what its confirm link, and only
/// it, activates), and per inbox the time of the last subscription mail (the durable throttle, counted per
/// <see cref="MailboxKey"/> so that plus-addresses of one inbox share it). Used by <see cref="SubscriberStore"/>.
/// </summary>
public sealed class PendingRequests(GazetteStorage storage, TimeProvider clock)
{
    private const int MaxAttempts = 20;

    private TableClient Table => storage.Table(storage.Names.SubscribeRequestsTable);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsRequestId(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Takes the inbox's one mail per <paramref name="interval"/>: true when this caller may send, false when a mail
    /// went to the same inbox (any of its addresses) within the interval. ETag-conditional: of concurrent callers one wins.
    /// </summary>
    public async Task<bool> ClaimMailAsync(EmailAddress email, TimeSpan interval, CancellationToken cancellationToken)
    {
        var partition = MailboxThrottleRow.PartitionPrefix + MailboxKey.Of(email).Hash();
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var found = await Table.GetEntityIfExistsAsync<MailboxThrottleRow>(partition, MailboxThrottleRow.Key, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.LastMailAt is { } last && now - last < interval) return false;
            var row = new MailboxThrottleRow { PartitionKey = partition, RowKey = MailboxThrottleRow.Key, LastMailAt = now };
            try
            {
                if (found.HasValue) await Table.UpdateEntityAsync(row, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else await Table.AddEntityAsync(row, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another request for the same inbox got there first: read again and decide again.
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    public async Task AddAsync(EmailAddress email, string requestId, Preferences preferences, CancellationToken cancellationToken)
    {
        var row = new PendingRequestRow { PartitionKey = email.Hash(), RowKey = requestId, Preferences = preferences, CreatedAt = clock.GetUtcNow() };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The preferences the request asked for; null when it is gone or older than <paramref name="lifetime"/>.</summary>
    public async Task<Preferences?> GetAsync(EmailAddress email, string requestId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<PendingRequestRow>(email.Hash(), requestId, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value!.CreatedAt is not { } created || clock.GetUtcNow() - created > lifetime) return null;
        return found.Value.Preferences;
    }

    /// <summary>Every request of the address (its own and strangers'): once it is confirmed none of them may act again.</summary>
    public async Task DeleteAllAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {email.Hash()}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    /// <summary>Requests older than <paramref name="lifetime"/> and throttle marks older than <paramref name="interval"/>. Returns how many went.</summary>
    public async Task<int> ApplyRetentionAsync(TimeSpan lifetime, TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var erased = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", nameof(PendingRequestRow.CreatedAt), nameof(MailboxThrottleRow.LastMailAt)], cancellationToken: cancellationToken))
        {
            var throttle = row.RowKey == MailboxThrottleRow.Key;
            var at = row.GetDateTimeOffset(throttle ? nameof(MailboxThrottleRow.LastMailAt) : nameof(PendingRequestRow.CreatedAt));
            if (at is { } t && now - t <= (throttle ? interval : lifetime)) continue;
            if (await DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken)) erased++;
        }

        return erased;
    }

    private async Task<bool> DeleteAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // gone meanwhile
        }
    }
}
