using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>The ledger's recent rows (one per recipient per run, addresses hashed): what the admin page shows.</summary>
public sealed class RecentDeliveries(GazetteStorage storage, TimeProvider clock)
{
    public sealed record Run(string Key, int Sent, int Sending, int Failed, DateTimeOffset? Last, IReadOnlyList<string> Errors);

    public async Task<IReadOnlyList<Run>> ListAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var since = clock.GetUtcNow() - window;
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table(storage.Names.DeliveriesTable).QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"Timestamp ge {since}"), cancellationToken: cancellationToken))
        {
            // Recipient rows only: not the reminders' per-department day claims, nor the reminded-{year} bookkeeping.
            if (row.GetString("Status") is not null && !row.RowKey.StartsWith("dept-", StringComparison.Ordinal)) rows.Add(row);
        }

        return rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .Select(g => new Run(g.Key,
                g.Count(r => r.GetString("Status") == "sent"),
                g.Count(r => r.GetString("Status") is "sending" or "planned"),
                g.Count(r => r.GetString("Status") == "failed"),
                g.Max(r => r.Timestamp),
                g.Select(r => r.GetString("Error")).Where(e => e is not null).Distinct().Take(3).ToList()!))
            .OrderByDescending(r => r.Last)
            .ToList();
    }
}
