using System.Globalization;
using Azure.Data.Tables;
using GazetteNotify.Storage;

namespace GazetteNotify.Admin;

/// <summary>
/// The record of what admins did, from the web page or the CLI: who (a key's fingerprint, or the CLI's user), when,
/// which action on what, and the outcome. One row per action, month partitions, newest first; never holds a key.
/// </summary>
public sealed class AdminAudit(GazetteStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Table(storage.Names.AdminActionsTable);

    public async Task RecordAsync(string who, string action, string target, string outcome, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // Newest first within a month: inverted ticks, then a random suffix so two actions in one tick both stay.
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await Table.AddEntityAsync(new AdminActionRow
        {
            PartitionKey = Month(now),
            RowKey = rowKey,
            At = now,
            Who = who,
            Action = action,
            Target = target.Length > 1000 ? target[..1000] : target,
            Outcome = outcome.Length > 2000 ? outcome[..2000] : outcome,
        }, cancellationToken);
    }

    /// <summary>The latest actions of this month and the last (what the admin page shows).</summary>
    public async Task<List<AdminAction>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var found = new List<AdminAction>();
        foreach (var month in new[] { Month(now), Month(now.AddMonths(-1)) })
        {
            await foreach (var row in Table.QueryAsync<AdminActionRow>(TableClient.CreateQueryFilter($"PartitionKey eq {month}"), cancellationToken: cancellationToken))
            {
                found.Add(new AdminAction(row.At ?? now, row.Who ?? "", row.Action ?? "", row.Target ?? "", row.Outcome ?? ""));
                if (found.Count >= count) return found;
            }
        }

        return found;
    }

    private static string Month(DateTimeOffset at) => Time.ChinaTime.Of(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

public sealed record AdminAction(DateTimeOffset At, string Who, string Action, string Target, string Outcome);
