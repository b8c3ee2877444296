using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace GazetteNotify.Storage;

/// <summary>The account's blob and table clients, and the containers and tables the service uses.</summary>
public sealed class GazetteStorage
{
    private readonly BlobServiceClient _blobs;
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private Task? _created;

    public GazetteStorage(StorageSettings settings, StorageNames? names = null, StorageClientTuning? tuning = null)
    {
        Settings = settings;
        Names = names ?? new StorageNames();
        tuning ??= StorageClientTuning.Default;
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        // Base64: what the Functions queue trigger expects by default (host.json messageEncoding).
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        tuning.Apply(blobOptions);
        tuning.Apply(tableOptions);
        tuning.Apply(queueOptions);

        if (settings.AccountName is { } account)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ClientId });
            _blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobOptions);
            _tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tableOptions);
            _queues = new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queueOptions);
        }
        else
        {
            var connection = settings.ConnectionString ?? StorageSettings.DevelopmentConnectionString;
            _blobs = new BlobServiceClient(connection, blobOptions);
            _tables = new TableServiceClient(connection, tableOptions);
            _queues = new QueueServiceClient(connection, queueOptions);
        }
    }

    public StorageSettings Settings { get; }

    public StorageNames Names { get; }

    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(name);

    public TableClient Table(string name) => _tables.GetTableClient(name);

    public QueueClient Queue(string name) => _queues.GetQueueClient(name);

    public BlobContainerClient Issues => Container(Names.IssuesContainer);

    public BlobContainerClient Parsed => Container(Names.ParsedContainer);

    public BlobContainerClient Quarantine => Container(Names.QuarantineContainer);

    /// <summary>Creates the containers and tables once per process (idempotent; the first call pays for it).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        return _created ??= CreateAsync(cancellationToken);
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var container in Names.Containers) await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var table in Names.Tables) await _tables.CreateTableIfNotExistsAsync(table, cancellationToken);
            foreach (var queue in Names.Queues) await Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch
        {
            _created = null; // let the next call try again
            throw;
        }
    }
}

/// <summary>Retry and timeout settings of the storage clients, and an optional policy that sees every request.</summary>
public sealed record StorageClientTuning(int MaxRetries, TimeSpan NetworkTimeout, HttpPipelinePolicy? PerCallPolicy = null)
{
    /// <summary>Hosts: the SDK's patient defaults.</summary>
    public static StorageClientTuning Default { get; } = new(3, TimeSpan.FromSeconds(100));

    /// <summary>An admin at a terminal: fail fast with a clear message rather than retry for minutes.</summary>
    public static StorageClientTuning Interactive { get; } = new(1, TimeSpan.FromSeconds(10));

    internal void Apply(ClientOptions options)
    {
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        if (PerCallPolicy is not null) options.AddPolicy(PerCallPolicy, HttpPipelinePosition.PerCall);
    }
}
