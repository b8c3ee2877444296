using Azure.Data.Tables;

namespace GazetteNotify.Storage;

/// <summary>Table writes as entity-group transactions: at most 100 entities, all of one partition, per round trip.</summary>
public static class TableBatches
{
    public const int MaxBatch = 100;

    public static async Task<int> SubmitAsync(
        TableClient table, IEnumerable<ITableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var batches = 0;
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(action, e)), cancellationToken);
                batches++;
            }
        }

        return batches;
    }
}
