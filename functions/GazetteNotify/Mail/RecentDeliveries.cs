using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>The ledger's recent rows (one per recipient per run, addresses hashed): what the admin page shows.</summary>
public sealed class RecentDeliveries(GazetteStorage storage, TimeProvider clock)
{
    /// <summary>A run's deliveries by status: failed counts SendGrid's drops too; uncertain ones wait for SendGrid's events.</summary>
    public sealed record Run(string Key, int Sent, int Sending, int Failed, DateTimeOffset? Last, IReadOnlyList<string> Errors)
    {
        /// <summary>May have reached SendGrid (a dead worker, a request without an answer): settled by its events, or sent again after the window.</summary>
        public int Uncertain { get; init; }
    }

    public async Task<IReadOnlyList<Run>> ListAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var since = clock.GetUtcNow() - window;
        var rows = new List<DeliveryRow>();
        await foreach (var row in storage.Table(storage.Names.DeliveriesTable).QueryAsync<DeliveryRow>(
                           TableClient.CreateQueryFilter($"Timestamp ge {since}"), cancellationToken: cancellationToken))
        {
            // Recipient rows only: not the reminders' per-department day claims, nor the reminded-{year} bookkeeping.
            if (row.StatusName is not null && !row.RowKey.StartsWith("dept-", StringComparison.Ordinal)) rows.Add(row);
        }

        return rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .Select(g => new Run(g.Key,
                g.Count(r => r.Status == DeliveryStatus.Sent),
                g.Count(r => r.Status == DeliveryStatus.Sending),
                g.Count(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Dropped),
                g.Max(r => r.Timestamp),
                g.Select(r => r.Error).Where(e => e is not null).Distinct().Take(3).ToList()!) { Uncertain = g.Count(r => r.Status == DeliveryStatus.Uncertain) })
            .OrderByDescending(r => r.Last)
            .ToList();
    }
}
