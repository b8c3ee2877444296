using Azure;
using Azure.Data.Tables;

namespace GazetteNotify.Storage;

/// <summary>
/// Deleting the rows a query matches (old bookkeeping, a replaced issue's orphans): rows read a page at a time, deleted
/// 100 to a transaction per partition.
/// </summary>
public static class TableRanges
{
    /// <summary>A filter for the partitions from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), in key order.</summary>
    public static string Partitions(string from, string to) => TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");

    /// <summary>
    /// Deletes every row the filter matches, except those <paramref name="keep"/> spares; returns how many went.
    /// Unconditional (rows nobody writes again), and safe to repeat or to run twice at once: a transaction that meets a
    /// row already gone is redone row by row.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient table, string filter, Func<TableEntity, bool>? keep, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var chunk = new List<TableEntity>(TableBatches.MaxBatch);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (keep?.Invoke(row) == true) continue;

            // Rows come in key order, so a partition's rows are together: flush when it changes or a transaction is full.
            if (chunk.Count == TableBatches.MaxBatch || chunk.Count > 0 && chunk[0].PartitionKey != row.PartitionKey)
            {
                deleted += await DeleteChunkAsync(table, chunk, cancellationToken);
                chunk.Clear();
            }

            chunk.Add(new TableEntity(row.PartitionKey, row.RowKey));
        }

        if (chunk.Count > 0) deleted += await DeleteChunkAsync(table, chunk, cancellationToken);
        return deleted;
    }

    private static async Task<int> DeleteChunkAsync(TableClient table, List<TableEntity> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
            return chunk.Count;
        }
        catch (TableTransactionFailedException)
        {
            var deleted = 0;
            foreach (var row in chunk)
            {
                // A row gone already (another run) answers 404 without throwing: not counted.
                var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                if (response.Status != 404) deleted++;
            }

            return deleted;
        }
    }
}
