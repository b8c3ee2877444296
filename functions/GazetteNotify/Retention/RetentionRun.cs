namespace GazetteNotify.Retention;

/// <summary>What one retention run deleted.</summary>
public sealed record RetentionRun(int AddressesErased, int BatchPayloadsDeleted, int LedgerRowsDeleted)
{
    public string Describe() =>
        $"{AddressesErased} addresses erased, {BatchPayloadsDeleted} batch payloads deleted, {LedgerRowsDeleted} ledger rows deleted";
}
