using Azure;
using Azure.Data.Tables;
using GazetteNotify.Mail;
using GazetteNotify.Storage;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// Subscriptions in the Subscribers table (partition = 2 hex of SHA-256(address), row = the address): double opt-in
/// (each mailed request kept apart with its own preferences: <see cref="PendingRequests"/>),
/// preference changes, unsubscribe, and retention (PIPL: unconfirmed requests go after 7 days; an unsubscribed address
/// is erased after 28). Every change is ETag-conditional, so concurrent requests for one address cannot interleave —
/// except the alerts job's batched marks, which merge only the two properties no request touches.
/// </summary>
public sealed class SubscriberStore(GazetteStorage storage, TimeProvider clock)
{
    private readonly PendingRequests _requests = new(storage, clock);

    public static readonly TimeSpan ConfirmationInterval = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan UnsubscribedRetention = TimeSpan.FromDays(28);

    /// <summary>Optimistic-concurrency retries: enough for a burst of requests for one address to settle.</summary>
    private const int MaxAttempts = 20;

    private TableClient Table => storage.Table(storage.Names.SubscribersTable);

    /// <summary>
    /// Someone asks to subscribe this address. At most one mail per inbox per 10 minutes (plus-addresses and, at
    /// Gmail, dotted forms count as one inbox). A request that is mailed is kept with its own preferences under a new
    /// id, which its confirm link names: a later request, from anyone, adds its own and changes no earlier one. An
    /// active subscription is never changed here (only through its manage link).
    /// </summary>
    public async Task<SubscribeRequest> RequestAsync(EmailAddress email, Preferences preferences, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        preferences = preferences.Normalised();
        var current = await GetEntityAsync(email, cancellationToken);
        // The address's own mark, as before the inbox throttle existed (rows written before it have no inbox mark).
        if (current?.ConfirmationSentAt is { } sent && clock.GetUtcNow() - sent < ConfirmationInterval) return new SubscribeRequest(SubscribeOutcome.Throttled);
        if (!await _requests.ClaimMailAsync(email, ConfirmationInterval, cancellationToken)) return new SubscribeRequest(SubscribeOutcome.Throttled);

        string? requestId = null;
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            try
            {
                if (current is null)
                {
                    requestId ??= await AddRequestAsync(email, preferences, cancellationToken);
                    // A pending row holds no preferences: each request keeps its own, and only its link activates them.
                    await Table.AddEntityAsync(SubscriberRow.From(new Subscription(email, SubscriptionStatus.Pending, Preferences.Empty, now, ConfirmationSentAt: now)), cancellationToken);
                    return new SubscribeRequest(SubscribeOutcome.SendConfirmation, requestId);
                }

                var existing = current.ToSubscription();
                if (existing.Status == SubscriptionStatus.Active)
                {
                    await ReplaceAsync(existing with { ConfirmationSentAt = now }, current.ETag, cancellationToken);
                    return new SubscribeRequest(SubscribeOutcome.SendManageLink);
                }

                requestId ??= await AddRequestAsync(email, preferences, cancellationToken);
                var renewed = existing with
                {
                    Status = SubscriptionStatus.Pending,
                    Preferences = existing.Status == SubscriptionStatus.Unsubscribed ? Preferences.Empty : existing.Preferences,
                    CreatedAt = existing.Status == SubscriptionStatus.Unsubscribed ? now : existing.CreatedAt,
                    UnsubscribedAt = null,
                    ConfirmationSentAt = now,
                };
                await ReplaceAsync(renewed, current.ETag, cancellationToken);
                return new SubscribeRequest(SubscribeOutcome.SendConfirmation, requestId);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another change to the address got there first (its confirmation, say): read again and decide again.
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
                current = await GetEntityAsync(email, cancellationToken);
            }
        }
    }

    private async Task<string> AddRequestAsync(EmailAddress email, Preferences preferences, CancellationToken cancellationToken)
    {
        var id = PendingRequests.NewId();
        await _requests.AddAsync(email, id, preferences, cancellationToken);
        return id;
    }

    /// <summary>What the confirm link's page shows: the address's subscription and the preferences the link would activate (null when gone).</summary>
    public async Task<(Subscription? Subscription, Preferences? Requested)> GetRequestAsync(EmailAddress email, string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var subscription = (await GetEntityAsync(email, cancellationToken))?.ToSubscription();
        var requested = subscription?.Status == SubscriptionStatus.Pending ? await _requests.GetAsync(email, requestId, PendingLifetime, cancellationToken) : null;
        return (subscription, requested);
    }

    /// <summary>
    /// The confirm button was pressed: a pending address becomes active with exactly the preferences of the request the
    /// link names, and every request of the address is erased. An active address is left as it is; an unsubscribed one
    /// is not revived by an old link.
    /// </summary>
    public async Task<(ConfirmOutcome Outcome, Subscription? Subscription)> ConfirmAsync(EmailAddress email, string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var requested = await _requests.GetAsync(email, requestId, PendingLifetime, cancellationToken);
        var outcome = ConfirmOutcome.Gone;
        var subscription = await ChangeAsync(email, s =>
        {
            outcome = s.Status switch
            {
                SubscriptionStatus.Active => ConfirmOutcome.AlreadyActive,
                SubscriptionStatus.Pending when requested is not null => ConfirmOutcome.Confirmed,
                _ => ConfirmOutcome.Gone,
            };
            return outcome == ConfirmOutcome.Confirmed ? s with { Status = SubscriptionStatus.Active, Preferences = requested!, ConfirmedAt = clock.GetUtcNow() } : s;
        }, cancellationToken);
        if (subscription is null) return (ConfirmOutcome.Gone, null);
        if (outcome == ConfirmOutcome.Confirmed) await _requests.DeleteAllAsync(email, cancellationToken);
        return (outcome, subscription);
    }

    /// <summary>An admin's own act (`gazette subscribers add`): the address is active with these preferences, no mail, no request.</summary>
    public async Task<Subscription> ActivateAsync(EmailAddress email, Preferences preferences, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        preferences = preferences.Normalised();
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            try
            {
                if (await GetEntityAsync(email, cancellationToken) is not { } current)
                {
                    var created = new Subscription(email, SubscriptionStatus.Active, preferences, now, ConfirmedAt: now);
                    await Table.AddEntityAsync(SubscriberRow.From(created), cancellationToken);
                    return created;
                }

                var existing = current.ToSubscription();
                var active = existing.Status == SubscriptionStatus.Active
                    ? existing with { Preferences = preferences }
                    : existing with
                    {
                        Status = SubscriptionStatus.Active, Preferences = preferences, ConfirmedAt = now, UnsubscribedAt = null,
                        CreatedAt = existing.Status == SubscriptionStatus.Unsubscribed ? now : existing.CreatedAt,
                    };
                await ReplaceAsync(active, current.ETag, cancellationToken);
                return active;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    public Task<Subscription?> UpdatePreferencesAsync(EmailAddress email, Preferences preferences, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, s => s.Status == SubscriptionStatus.Unsubscribed ? s : s with { Preferences = preferences.Normalised() }, cancellationToken);

    /// <summary>Unsubscribes (idempotent): nothing more is planned for the address; it is erased after the retention period.</summary>
    public Task<Subscription?> UnsubscribeAsync(EmailAddress email, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, s => s.Status == SubscriptionStatus.Unsubscribed ? s : s with { Status = SubscriptionStatus.Unsubscribed, UnsubscribedAt = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Records what a digest covered (or, with no digest, from where the next one starts).</summary>
    public Task<Subscription?> MarkDigestedAsync(EmailAddress email, DateTimeOffset through, DateTimeOffset? sentAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, s => s with { DigestedThrough = through, LastDigestAt = sentAt ?? s.LastDigestAt }, cancellationToken);

    /// <summary>
    /// What a whole run's digests covered, at once: only DigestedThrough (and LastDigestAt, when a digest went) are
    /// merged, in entity-group transactions of up to 100 rows of one partition — 100,000 subscribers take ~1,000 round
    /// trips instead of 200,000 (a read and a conditional write each, which kept the alerts job of the 100,000-subscriber load run past its
    /// 10-minute timeout). A merge leaves every other property alone, so a preference change or an unsubscribe made
    /// meanwhile stands; a transaction that fails (an address erased meanwhile) is redone one address at a time.
    /// </summary>
    public async Task MarkDigestedAsync(IEnumerable<DigestMark> marks, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        foreach (var partition in marks.GroupBy(m => PartitionOf(m.Email), StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableBatches.MaxBatch))
            {
                var merges = chunk.Select(m =>
                {
                    // A patch of these columns only: a whole row would overwrite what a request changed meanwhile.
                    var entity = new TableEntity(partition.Key, m.Email.Value) { [nameof(SubscriberRow.DigestedThrough)] = m.Through };
                    if (m.SentAt is { } sent) entity[nameof(SubscriberRow.LastDigestAt)] = sent;
                    return new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, ETag.All);
                });
                try
                {
                    await Table.SubmitTransactionAsync(merges, cancellationToken);
                }
                catch (TableTransactionFailedException)
                {
                    foreach (var m in chunk) await MarkDigestedAsync(m.Email, m.Through, m.SentAt, cancellationToken);
                }
            }
        }
    }

    public async Task<Subscription?> GetAsync(EmailAddress email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var entity = await GetEntityAsync(email, cancellationToken);
        return entity?.ToSubscription();
    }

    public async IAsyncEnumerable<Subscription> ListAsync(SubscriptionStatus? status = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var filter = status is { } s ? TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : null;
        await foreach (var row in Table.QueryAsync<SubscriberRow>(filter, cancellationToken: cancellationToken)) yield return row.ToSubscription();
    }

    /// <summary>
    /// Deletes unconfirmed requests older than 7 days and unsubscribed addresses older than 28 days; returns how many
    /// addresses. Also erases each mailed request (with its preferences) 7 days after it was made, and inbox throttle
    /// marks once they no longer throttle.
    /// </summary>
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await _requests.ApplyRetentionAsync(PendingLifetime, ConfirmationInterval, cancellationToken);
        var erased = 0;
        await foreach (var entity in Table.QueryAsync<SubscriberRow>(cancellationToken: cancellationToken))
        {
            var s = entity.ToSubscription();
            // Pending: 7 days after its last confirmation mail, so that the newest link (open 7 days) finds its address.
            var expired = s.Status == SubscriptionStatus.Pending && now - (s.ConfirmationSentAt ?? s.CreatedAt) > PendingLifetime
                          || s.Status == SubscriptionStatus.Unsubscribed && s.UnsubscribedAt is { } at && now - at > UnsubscribedRetention;
            if (!expired) continue;
            try
            {
                await Table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                erased++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Changed or gone meanwhile (re-subscribed, say): leave it to the next run.
            }
        }

        return erased;
    }

    private async Task<Subscription?> ChangeAsync(EmailAddress email, Func<Subscription, Subscription> change, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetEntityAsync(email, cancellationToken);
            if (entity is null) return null;
            var current = entity.ToSubscription();
            var changed = change(current);
            if (changed == current) return current;
            try
            {
                await ReplaceAsync(changed, entity.ETag, cancellationToken);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    private async Task<SubscriberRow?> GetEntityAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<SubscriberRow>(PartitionOf(email), email.Value, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private Task<Response> ReplaceAsync(Subscription subscription, ETag etag, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(SubscriberRow.From(subscription), etag, TableUpdateMode.Replace, cancellationToken);

    public static string PartitionOf(EmailAddress email) => email.Hash()[..2];
}

/// <summary>What one subscriber's digest covered (or, with no digest, from where the next one starts), and when it went.</summary>
public sealed record DigestMark(EmailAddress Email, DateTimeOffset Through, DateTimeOffset? SentAt);
